import { absoluteTime, relativeTime } from './relativeTime';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');

describe('relativeTime', () => {
  it.each([
    ['2026-03-01T11:59:50.000Z', 'just now'],
    ['2026-03-01T11:55:00.000Z', '5 minutes ago'],
    ['2026-03-01T11:00:00.000Z', '1 hour ago'],
    ['2026-02-28T12:00:00.000Z', 'yesterday'],
    ['2026-02-20T12:00:00.000Z', 'last week'],
    ['2026-03-01T14:00:00.000Z', 'in 2 hours'],
  ])('says %s was %j', (iso, text) => {
    expect(relativeTime(iso, NOW)).toBe(text);
  });

  it('says never for a missing or unreadable time', () => {
    expect(relativeTime(undefined, NOW)).toBe('never');
    expect(relativeTime('soon', NOW)).toBe('never');
  });

  it('formats an absolute time, or nothing for an unreadable one', () => {
    expect(absoluteTime('2026-03-01T12:00:00.000Z')).toMatch(/2026/);
    expect(absoluteTime('x')).toBe('');
  });
});
