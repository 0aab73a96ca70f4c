const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "5 minutes ago", "in 2 hours", "just now": how long ago an ISO time was, relative to `now`.
 * Intl, not a date library, to keep the card's chunk small.
 */
export function relativeTime(
  iso: string | undefined,
  now = Date.now(),
): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return 'never';
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** An ISO time as the reader's local date and time, for titles next to relative times. */
export function absoluteTime(iso: string | undefined): string {
  const at = iso ? new Date(iso) : undefined;
  return at && !Number.isNaN(at.getTime())
    ? at.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })
    : '';
}
