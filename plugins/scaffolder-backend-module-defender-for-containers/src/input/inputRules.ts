import { InputError } from '@backstage/errors';

/** Shows at most this much of a bad value back to the user; a 10k-character field is not echoed. */
const ECHO_LIMIT = 60;

function echo(value: string): string {
  return value.length > ECHO_LIMIT
    ? `'${value.slice(0, ECHO_LIMIT)}…'`
    : `'${value}'`;
}

/** Non-ASCII and invisible characters: look-alike letters (Cyrillic а), zero-width spaces, RTL marks. */
function firstNonAscii(
  value: string,
): { index: number; codePoint: string } | undefined {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) {
      return {
        index: i,
        codePoint: `U+${value
          .codePointAt(i)!
          .toString(16)
          .toUpperCase()
          .padStart(4, '0')}`,
      };
    }
  }
  return undefined;
}

/** What a present value that is not text is, for the message: 'a list', 'an object', 'a number'. */
function kindOf(raw: unknown): string {
  if (Array.isArray(raw)) return 'a list';
  if (typeof raw === 'object') return 'an object';
  return `a ${typeof raw}`;
}

/**
 * Checks one text input: present (unless optional), bounded, plain ASCII, matching `pattern`.
 * Every failure is an `InputError` naming the field and what to change; `secret` fields are
 * never echoed.
 */
export function textInput(
  field: string,
  raw: unknown,
  rule: {
    maxLength: number;
    /** A RegExp, or any other test of the whole value. */
    pattern?: Pick<RegExp, 'test'>;
    /** What a valid value looks like, for the error message. */
    expected?: string;
    secret?: boolean;
    /**
     * How messages name the field instead of its input key. A secret needs one: in a task with
     * secrets the scaffolder also redacts the input *key* a secret is passed in (that key is
     * missing from the secret-free rendering it compares against), so "accessToken is
     * required" would reach the user as "*** is required".
     */
    label?: string;
    /** What to do when the value is absent or blank, appended to "… is required". */
    whenMissing?: string;
  },
): string {
  const name = rule.label ?? field;
  const missing = (detail: string) =>
    new InputError(
      rule.whenMissing
        ? `${name} is required: ${rule.whenMissing}`
        : `${name} is required${detail}`,
    );
  if (raw === undefined || raw === null) throw missing('');
  if (typeof raw !== 'string') {
    // Another template passed a number, a list or an object where text belongs.
    throw new InputError(`${name} must be text, not ${kindOf(raw)}`);
  }
  const value = raw.trim();
  if (!value) throw missing(' and may not be empty');
  if (value.length > rule.maxLength) {
    throw new InputError(
      `${name} is ${value.length} characters long; the maximum is ${rule.maxLength}`,
    );
  }
  const space = rule.secret ? /\s/.exec(value) : null;
  const bad = space
    ? { index: space.index, codePoint: 'U+0020' }
    : firstNonAscii(value);
  if (bad) {
    throw new InputError(
      rule.secret
        ? `${name} contains a space, line break or non-ASCII character (position ${
            bad.index + 1
          }); paste it again without extra characters`
        : `${field} contains the character ${bad.codePoint} at position ${
            bad.index + 1
          }: only plain ASCII is allowed (look-alike letters and invisible characters are refused)`,
    );
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    throw new InputError(
      rule.secret
        ? `${name} is malformed${
            rule.expected ? `: expected ${rule.expected}` : ''
          }`
        : `${field} ${echo(value)} is not valid${
            rule.expected ? `: expected ${rule.expected}` : ''
          }`,
    );
  }
  return value;
}

/** Optional text: `undefined`, `null` and blank (what an unset template parameter renders to) mean absent. */
export function optionalTextInput(
  field: string,
  raw: unknown,
  rule: Parameters<typeof textInput>[2],
): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'string' && raw.trim() === '') return undefined;
  return textInput(field, raw, rule);
}

/** Booleans from the template arrive as booleans, or as text when quoted. */
export function optionalBooleanInput(
  field: string,
  raw: unknown,
): boolean | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw === 'boolean') return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new InputError(`${field} must be true or false`);
}

export function optionalIntegerInput(
  field: string,
  raw: unknown,
  range: { min: number; max: number; unit: string },
): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  let n = NaN;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(raw))
    n = Number(raw);
  if (!Number.isInteger(n) || n < range.min || n > range.max) {
    throw new InputError(
      `${field} must be a whole number of ${range.unit} from ${range.min} to ${
        range.max
      }, got ${typeof raw === 'string' ? echo(raw) : String(raw)}`,
    );
  }
  return n;
}
