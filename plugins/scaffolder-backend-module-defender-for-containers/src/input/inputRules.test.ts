import { InputError } from '@backstage/errors';
import {
  optionalBooleanInput,
  optionalIntegerInput,
  optionalTextInput,
  textInput,
} from './inputRules';

/** The refusal a user sees (an InputError), or the value when there is none. */
function outcome(check: () => unknown): unknown {
  try {
    return { value: check() };
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return { refused: (e as Error).message };
  }
}

const LOOK_ALIKES =
  'only plain ASCII is allowed (look-alike letters and invisible characters are refused)';

describe('textInput', () => {
  const plain = (
    raw: unknown,
    rule: Parameters<typeof textInput>[2] = { maxLength: 10 },
  ) => outcome(() => textInput('organization', raw, rule));

  it('says a field is required, and why a value does not count', () => {
    expect(plain(undefined)).toEqual({ refused: 'organization is required' });
    expect(plain(null)).toEqual({ refused: 'organization is required' });
    expect(plain(42)).toEqual({
      refused: 'organization must be text, not a number',
    });
    expect(plain(['acme'])).toEqual({
      refused: 'organization must be text, not a list',
    });
    expect(plain({ name: 'acme' })).toEqual({
      refused: 'organization must be text, not an object',
    });
    expect(plain('')).toEqual({
      refused: 'organization is required and may not be empty',
    });
    expect(plain(' \t\n ')).toEqual({
      refused: 'organization is required and may not be empty',
    });
  });

  it('says what to do instead, when the rule says so', () => {
    const rule = { maxLength: 10, whenMissing: 'paste the token.' };
    for (const raw of [undefined, null, '', '  ']) {
      expect(outcome(() => textInput('accessToken', raw, rule))).toEqual({
        refused: 'accessToken is required: paste the token.',
      });
    }
    expect(
      outcome(() =>
        textInput('accessToken', 42, { ...rule, label: 'The access token' }),
      ),
    ).toEqual({ refused: 'The access token must be text, not a number' });
  });

  it('returns the value without surrounding blanks', () => {
    expect(plain('  acme \n')).toEqual({ value: 'acme' });
  });

  it('accepts exactly the maximum length (blanks around it not counted) and refuses one more', () => {
    expect(plain('a'.repeat(10))).toEqual({ value: 'a'.repeat(10) });
    expect(plain(`  ${'a'.repeat(10)} `)).toEqual({ value: 'a'.repeat(10) });
    expect(plain('a'.repeat(11))).toEqual({
      refused: 'organization is 11 characters long; the maximum is 10',
    });
  });

  it.each([
    ['a Cyrillic look-alike letter', 'аcme', 'U+0430', 1],
    ['a zero-width space', 'ac\u200bme', 'U+200B', 3],
    ['a right-to-left override', 'acme\u202Egpj', 'U+202E', 5],
    ['a no-break space', 'ac\u00a0me', 'U+00A0', 3],
    ['an accented letter', 'acmé', 'U+00E9', 4],
    ['a tab', 'ac\tme', 'U+0009', 3],
    ['a control character', 'a\u001fcme', 'U+001F', 2],
    ['DEL', 'acme\u007f!', 'U+007F', 5],
    ['an emoji', 'ac😀', 'U+1F600', 3],
  ])(
    'refuses %s, naming the character and where it is',
    (_what, raw, code, at) => {
      expect(plain(raw)).toEqual({
        refused: `organization contains the character ${code} at position ${at}: ${LOOK_ALIKES}`,
      });
    },
  );

  it('accepts every printable ASCII character, the space and ~ included', () => {
    expect(plain('a ~!z', { maxLength: 5 })).toEqual({ value: 'a ~!z' });
    const printable = Array.from({ length: 95 }, (_, i) =>
      String.fromCharCode(0x20 + i),
    ).join('');
    expect(plain(`x${printable}x`, { maxLength: 97 })).toEqual({
      value: `x${printable}x`,
    });
  });

  it('refuses a value that does not match the pattern, echoing it and saying what is expected', () => {
    const rule = { maxLength: 100, pattern: /^[a-z]+$/, expected: 'a-z only' };
    expect(plain('acme', rule)).toEqual({ value: 'acme' });
    expect(plain('Acme', rule)).toEqual({
      refused: "organization 'Acme' is not valid: expected a-z only",
    });
    expect(plain('Acme', { maxLength: 100, pattern: /^[a-z]+$/ })).toEqual({
      refused: "organization 'Acme' is not valid",
    });
  });

  it('echoes at most 60 characters of a bad value', () => {
    const rule = { maxLength: 100, pattern: /^[a-z]+$/ };
    const sixty = `${'A'.repeat(59)}B`;
    expect(plain(sixty, rule)).toEqual({
      refused: `organization '${sixty}' is not valid`,
    });
    expect(plain(`${sixty}C`, rule)).toEqual({
      refused: `organization '${sixty}…' is not valid`,
    });
  });

  describe('a secret', () => {
    const secret = (
      raw: unknown,
      rule: { pattern?: RegExp; expected?: string } = {},
    ) =>
      outcome(() =>
        textInput('accessToken', raw, {
          maxLength: 40,
          secret: true,
          label: 'The Docker Hub access token',
          ...rule,
        }),
      );

    it('is named by its label and never echoed', () => {
      expect(secret(undefined)).toEqual({
        refused: 'The Docker Hub access token is required',
      });
      expect(secret('s'.repeat(41))).toEqual({
        refused:
          'The Docker Hub access token is 41 characters long; the maximum is 40',
      });
      expect(secret('dckr_pat_SECRET', { pattern: /^x/ })).toEqual({
        refused: 'The Docker Hub access token is malformed',
      });
      expect(
        secret('dckr_pat_SECRET', { pattern: /^x/, expected: 'x…' }),
      ).toEqual({
        refused: 'The Docker Hub access token is malformed: expected x…',
      });
      expect(secret(' dckr_pat_SECRET ')).toEqual({ value: 'dckr_pat_SECRET' });
    });

    it.each([
      ['a space', 'dckr_pat_ SECRET', 10],
      ['a line break', 'dckr_pat\nSECRET', 9],
      ['a tab', 'd\tckr_pat_SECRET', 2],
      ['a no-break space', 'dckr_pat_SECRET\u00a0x', 16],
      ['a zero-width space', 'dckr\u200b_pat_SECRET', 5],
      ['an accented letter', 'dckr_pat_é', 10],
    ])(
      'refuses %s inside it, saying where without echoing it',
      (_what, raw, at) => {
        expect(secret(raw)).toEqual({
          refused: `The Docker Hub access token contains a space, line break or non-ASCII character (position ${at}); paste it again without extra characters`,
        });
      },
    );
  });
});

describe('optionalTextInput', () => {
  const rule = { maxLength: 10, pattern: /^[a-z]+$/, expected: 'a-z only' };
  const optional = (raw: unknown) =>
    outcome(() => optionalTextInput('connectorName', raw, rule));

  it.each([[undefined], [null], [''], ['   ']])(
    'takes %j (an unset template parameter) as absent',
    raw => {
      expect(optional(raw)).toEqual({ value: undefined });
    },
  );

  it('refuses a value that is not text with an InputError, not a crash', () => {
    expect(
      [42, true, ['acme'], { name: 'acme' }].map(raw => optional(raw)),
    ).toEqual([
      { refused: 'connectorName must be text, not a number' },
      { refused: 'connectorName must be text, not a boolean' },
      { refused: 'connectorName must be text, not a list' },
      { refused: 'connectorName must be text, not an object' },
    ]);
  });

  it('checks any other value with the rule', () => {
    expect(optional(' acme ')).toEqual({ value: 'acme' });
    expect(optional('Acme')).toEqual({
      refused: "connectorName 'Acme' is not valid: expected a-z only",
    });
    expect(optional('a'.repeat(11))).toEqual({
      refused: 'connectorName is 11 characters long; the maximum is 10',
    });
  });
});

describe('optionalBooleanInput', () => {
  const flag = (raw: unknown) =>
    outcome(() => optionalBooleanInput('plans.defenderCspm', raw));

  it.each([[undefined], [null], ['']])('takes %j as absent', raw => {
    expect(flag(raw)).toEqual({ value: undefined });
  });

  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['false', false],
  ])('takes %j as %j', (raw, value) => {
    expect(flag(raw)).toEqual({ value });
  });

  it.each([['TRUE'], ['yes'], ['no'], [' true'], [1], [0], [{}]])(
    'refuses %j',
    raw => {
      expect(flag(raw)).toEqual({
        refused: 'plans.defenderCspm must be true or false',
      });
    },
  );
});

describe('optionalIntegerInput', () => {
  const hours = (raw: unknown) =>
    outcome(() =>
      optionalIntegerInput('scanIntervalHours', raw, {
        min: 1,
        max: 24,
        unit: 'hours',
      }),
    );
  const refusal = (got: string) => ({
    refused: `scanIntervalHours must be a whole number of hours from 1 to 24, got ${got}`,
  });

  it.each([[undefined], [null], ['']])('takes %j as absent', raw => {
    expect(hours(raw)).toEqual({ value: undefined });
  });

  it.each([
    [1, 1],
    [24, 24],
    ['1', 1],
    ['24', 24],
    [' 12 ', 12],
    ['12.00', 12],
  ])('accepts %j as %d (the range edges included)', (raw, value) => {
    expect(hours(raw)).toEqual({ value });
  });

  it.each([
    [0, '0'],
    [25, '25'],
    [-1, '-1'],
    [1.5, '1.5'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [true, 'true'],
    [[12], '12'],
    ['0', "'0'"],
    ['25', "'25'"],
    ['-1', "'-1'"],
    ['1.5', "'1.5'"],
    ['1e1', "'1e1'"],
    ['0x10', "'0x10'"],
    ['12h', "'12h'"],
    ['daily', "'daily'"],
    ['1 2', "'1 2'"],
    [`1${' '.repeat(70)}x`, `'1${' '.repeat(59)}…'`],
  ])('refuses %j, echoing it', (raw, got) => {
    expect(hours(raw)).toEqual(refusal(got));
  });
});
