import { makeValidator } from '@backstage/catalog-model';
import {
  DOCKER_HUB_ORGANIZATION_PATTERN,
  connectorEntityName,
  connectorEntityRef,
} from './connectorEntity';

const { isValidEntityName } = makeValidator();
/** The longest organization DOCKER_HUB_ORGANIZATION_PATTERN accepts (255 characters). */
const LONGEST = `a${'b1-_'.repeat(63)}z2`;

describe('connectorEntityName', () => {
  it('is defender-dockerhub-<org> for ordinary organizations', () => {
    expect(connectorEntityName('acme')).toBe('defender-dockerhub-acme');
    expect(connectorEntityName('Acme')).toBe('defender-dockerhub-acme');
    expect(connectorEntityRef('acme')).toBe(
      'resource:default/defender-dockerhub-acme',
    );
  });

  it('is a valid catalog entity name for the longest organization the actions accept', () => {
    expect(LONGEST).toHaveLength(255);
    expect(DOCKER_HUB_ORGANIZATION_PATTERN.test(LONGEST)).toBe(true);
    expect(DOCKER_HUB_ORGANIZATION_PATTERN.test(`${LONGEST}x`)).toBe(false);
    const name = connectorEntityName(LONGEST);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(isValidEntityName(name)).toBe(true);
    expect(name).toMatch(/^defender-dockerhub-ab1-_b1-_.*-[0-9a-f]{8}$/);
  });

  it.each([
    ['at the limit', 'o'.repeat(44)],
    ['one over the limit', 'o'.repeat(45)],
    ['ending in -', 'acme-'],
    ['ending in _', 'acme_'],
    ['of two characters', 'ab'],
    [
      'long, ending in separators where it is cut',
      `${'x'.repeat(34)}---${'y'.repeat(40)}`,
    ],
    ['written outside Backstage with other characters', 'Acme Corp/ü'],
  ])('is valid for an organization %s', (_what, org) => {
    expect(isValidEntityName(connectorEntityName(org))).toBe(true);
  });

  it('keeps names unique and stable: same organization, same name; different, different', () => {
    const shared = 'p'.repeat(60);
    expect(connectorEntityName(`${shared}a`)).not.toBe(
      connectorEntityName(`${shared}b`),
    );
    expect(connectorEntityName(LONGEST)).toBe(connectorEntityName(LONGEST));
    expect(connectorEntityName('acme-')).not.toBe(connectorEntityName('acme'));
    expect(connectorEntityName('o'.repeat(44))).toBe(
      `defender-dockerhub-${'o'.repeat(44)}`,
    );
  });
});
