import { InputError } from '@backstage/errors';
import { parseOnboardingMode } from './parseOnboardingMode';

describe('parseOnboardingMode', () => {
  it.each([undefined, null, '', '  '])(
    '%j (an unset parameter) is apply',
    raw => {
      expect(parseOnboardingMode(raw)).toBe('apply');
    },
  );

  it.each(['apply', 'code', ' code '])('%j is accepted', raw => {
    expect(parseOnboardingMode(raw)).toBe(raw.trim());
  });

  it.each([
    ['Code', "mode 'Code' is not valid"],
    ['write', "mode 'write' is not valid"],
    [true, 'mode a boolean is not valid'],
    [['code'], 'mode a list is not valid'],
    [{ mode: 'code' }, 'mode an object is not valid'],
  ])('refuses %j, naming both modes', (raw, message) => {
    const run = () => parseOnboardingMode(raw);
    expect(run).toThrow(InputError);
    expect(run).toThrow(message);
    expect(run).toThrow(
      "expected 'apply' (default: write the connector to Azure) or 'code'",
    );
  });
});
