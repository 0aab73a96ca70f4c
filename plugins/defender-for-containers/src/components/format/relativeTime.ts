const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** The words `Intl` has no unit for, in the reader's language. */
export interface RelativeTimeWords {
  justNow: string;
  never: string;
}

const ENGLISH: RelativeTimeWords = { justNow: 'just now', never: 'never' };

/**
 * "5 minutes ago", "in 2 hours", "just now" (or "vor 5 Minuten" with `language` `de`): how long
 * ago an ISO time was, relative to `now`. Intl, not a date library, to keep the card's chunk small.
 */
export function relativeTime(
  iso: string | undefined,
  now = Date.now(),
  language = 'en',
  words: RelativeTimeWords = ENGLISH,
): string {
  const at = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(at)) return words.never;
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return words.justNow;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit);
    }
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** An ISO time as the reader's local date and time, for titles next to relative times. */
export function absoluteTime(iso: string | undefined, language = 'en'): string {
  const at = iso ? new Date(iso) : undefined;
  return at && !Number.isNaN(at.getTime())
    ? at.toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' })
    : '';
}

/** An ISO time as the reader's local date, e.g. "Mar 1, 2026" or "01.03.2026". */
export function localDate(iso: string | undefined, language = 'en'): string {
  const at = iso ? new Date(iso) : undefined;
  return at && !Number.isNaN(at.getTime())
    ? at.toLocaleDateString(language, { dateStyle: 'medium' })
    : '';
}
