/** Values above this are unix timestamps (older Hub spec: `X-Retry-After` = epoch seconds). */
const EPOCH_THRESHOLD = 1e9;

/**
 * Milliseconds to wait before retrying, from `Retry-After` (seconds or HTTP date) or
 * `X-Retry-After` (epoch seconds), or `undefined` when neither says.
 * @public
 */
export function parseRetryAfter(
  headers: { get(name: string): string | null },
  now: number = Date.now(),
): number | undefined {
  for (const name of ['retry-after', 'x-retry-after']) {
    const raw = headers.get(name)?.trim();
    if (!raw) continue;
    if (/^\d+(\.\d+)?$/.test(raw)) {
      const n = Number(raw);
      return Math.max(0, n > EPOCH_THRESHOLD ? n * 1000 - now : n * 1000);
    }
    const date = Date.parse(raw);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return undefined;
}
