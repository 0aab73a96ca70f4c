import { parseTokenExpiresOn, tokenExpiryOf } from './tokenExpiry';

describe('token expiry', () => {
  const now = new Date('2026-12-06T18:00:00Z');
  it.each([
    ['2027-02-01', 57, 'none'],
    ['2027-01-05', 30, 'soon'],
    ['2026-12-20', 14, 'warning'],
    ['2026-12-09', 3, 'critical'],
    ['2026-12-07', 1, 'critical'],
    ['2026-12-06', 0, 'expired'],
    ['2026-11-01', -35, 'expired'],
  ])('%s is %i days away on 2026-12-06: %s', (day, daysLeft, stage) => {
    expect(tokenExpiryOf(day, now)).toEqual({
      expiresOn: day,
      daysLeft,
      stage,
    });
  });

  it('reads only real days in YYYY-MM-DD', () => {
    for (const bad of ['2027-02-30', '2027-2-1', 'never', '', 42, undefined]) {
      expect(parseTokenExpiresOn(bad)).toBeUndefined();
      expect(tokenExpiryOf(bad as any, now)).toBeUndefined();
    }
    expect(parseTokenExpiresOn(' 2027-02-28 ')).toBe('2027-02-28');
  });
});
