import { parseRetryAfter } from './parseRetryAfter';

const h = (values: Record<string, string>) => ({
  get: (n: string) => values[n.toLowerCase()] ?? null,
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2026, 0, 1);
  it('reads seconds, epoch seconds and HTTP dates', () => {
    expect(parseRetryAfter(h({ 'retry-after': '3' }), now)).toBe(3000);
    expect(
      parseRetryAfter(h({ 'x-retry-after': String(now / 1000 + 5) }), now),
    ).toBe(5000);
    expect(
      parseRetryAfter(
        h({ 'retry-after': new Date(now + 7000).toUTCString() }),
        now,
      ),
    ).toBe(7000);
  });
  it('never goes negative and is undefined when nothing is said', () => {
    expect(
      parseRetryAfter(h({ 'x-retry-after': String(now / 1000 - 5) }), now),
    ).toBe(0);
    expect(parseRetryAfter(h({}), now)).toBeUndefined();
    expect(parseRetryAfter(h({ 'retry-after': 'soon' }), now)).toBeUndefined();
  });
});
