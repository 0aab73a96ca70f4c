import { connectorOwnerRef } from './connectorOwnerRef';

describe('connectorOwnerRef', () => {
  it.each([
    ['group:default/team-a', 'group:default/team-a'],
    ['team-a', 'group:default/team-a'],
    ['Group:Default/Team-A', 'group:default/team-a'],
    ['user:jdoe', 'user:default/jdoe'],
    ['ops/platform', 'group:ops/platform'],
    ['  guests ', 'group:default/guests'],
  ])('reads %j as %j', (tag, ref) => {
    expect(connectorOwnerRef(tag)).toBe(ref);
  });

  it.each([
    [undefined],
    [null],
    [''],
    ['   '],
    ['group:default/'],
    ['not a ref'],
    ['group:default/team a'],
    ['group:default/team-'],
    ['x'.repeat(64)],
    ['a:b:c/d'],
    [`group:default/${'a'.repeat(300)}`],
  ])('gives no owner for %j', tag => {
    expect(connectorOwnerRef(tag)).toBeUndefined();
  });
});
