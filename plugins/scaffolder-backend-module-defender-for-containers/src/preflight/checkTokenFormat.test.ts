import { checkTokenFormat } from './checkTokenFormat';

/** 27 and 32 characters after `dckr_pat_`: the shortest and longest personal access tokens. */
const BODY_27 = 'abcdefghijklmnopqrstuvwxyz0';
const BODY_32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012_-9';
const UUID = '85145afa-7f81-4235-82c9-e37df7c244a8';

const personalAccessToken = {
  status: 'pass',
  message: 'a personal access token (dckr_pat_…)',
};
const organizationAccessToken = {
  status: 'fail',
  message:
    'an organization access token (dckr_oat_…): Defender signs in as a dedicated user with that user’s personal access token.',
  remedy:
    'sign in to Docker Hub as mdcuser, create a personal access token with the "Read-only" permission and run again.',
};
const oldStyleToken = {
  status: 'warn',
  message:
    'an old-style personal access token (UUID); its scope is checked at sign-in.',
  remedy: 'prefer a new "Read-only" personal access token for mdcuser.',
};
const notAToken = {
  status: 'warn',
  message:
    'does not look like a personal access token: if it is a password, it cannot be limited to read-only and stops working under SSO.',
  remedy:
    'create a "Read-only" personal access token for mdcuser (dckr_pat_…) and use it instead.',
};

describe('checkTokenFormat', () => {
  it.each([
    ['dckr_pat_abcdefghijklmnopqrstuvwxyz0', 'pass'],
    ['dckr_oat_7awgM4jG5SQvxcvmNzhKj8PQjxo', 'fail'],
    ['85145afa-7f81-4235-82c9-e37df7c244a8', 'warn'],
    ['hunter2', 'warn'],
    ['dckr_pat_short', 'warn'],
  ])('%s → %s, never echoing the token', (token, status) => {
    const outcome = checkTokenFormat(token, 'mdcuser');
    expect(outcome.status).toBe(status);
    expect(JSON.stringify(outcome)).not.toContain(token);
  });

  it.each([
    ['the shortest (27 characters after dckr_pat_)', `dckr_pat_${BODY_27}`],
    ['the longest (32 characters after dckr_pat_)', `dckr_pat_${BODY_32}`],
    ["with '_' and '-'", `dckr_pat_${'-'.repeat(13)}${'_'.repeat(14)}`],
  ])('accepts a personal access token: %s', (_what, token) => {
    expect(checkTokenFormat(token, 'mdcuser')).toEqual(personalAccessToken);
  });

  it.each([
    ['one character too short', `dckr_pat_${BODY_27.slice(1)}`],
    ['one character too long', `dckr_pat_${BODY_32}x`],
    ['with a character Docker never uses', `dckr_pat_${BODY_27.slice(1)}.`],
    ['with something before the prefix', `xdckr_pat_${BODY_27}`],
    ['with something after it', `dckr_pat_${BODY_27}!`],
    ['with the prefix in capitals', `DCKR_PAT_${BODY_27}`],
  ])('takes a token %s for a password', (_what, token) => {
    expect(checkTokenFormat(token, 'mdcuser')).toEqual(notAToken);
  });

  it('refuses an organization access token, naming the user to sign in as', () => {
    expect(
      checkTokenFormat('dckr_oat_7awgM4jG5SQvxcvmNzhKj8PQjxo', 'mdcuser'),
    ).toEqual(organizationAccessToken);
  });

  it('does not take a token that only contains dckr_oat_ for an organization access token', () => {
    expect(
      checkTokenFormat('xdckr_oat_7awgM4jG5SQvxcvmNzhK', 'mdcuser'),
    ).toEqual(notAToken);
  });

  it.each([
    ['in lower case', UUID],
    ['in upper case', UUID.toUpperCase()],
  ])('warns about an old-style (UUID) token %s', (_what, token) => {
    expect(checkTokenFormat(token, 'mdcuser')).toEqual(oldStyleToken);
  });

  // Each group of the UUID one character short, or with a non-hex character; and the anchors.
  it.each([
    ['85145af-7f81-4235-82c9-e37df7c244a8'],
    ['85145afx-7f81-4235-82c9-e37df7c244a8'],
    ['85145afa-7f8-4235-82c9-e37df7c244a8'],
    ['85145afa-7f8x-4235-82c9-e37df7c244a8'],
    ['85145afa-7f81-423-82c9-e37df7c244a8'],
    ['85145afa-7f81-423x-82c9-e37df7c244a8'],
    ['85145afa-7f81-4235-82c-e37df7c244a8'],
    ['85145afa-7f81-4235-82cx-e37df7c244a8'],
    ['85145afa-7f81-4235-82c9-e37df7c244a'],
    ['85145afa-7f81-4235-82c9-e37df7c244ax'],
    [`x${UUID}`],
    [`${UUID}x`],
  ])('takes %s (not a UUID) for a password', token => {
    expect(checkTokenFormat(token, 'mdcuser')).toEqual(notAToken);
  });

  it('warns about a password, naming the user whose token to create', () => {
    expect(checkTokenFormat('hunter2', 'mdc-acme')).toEqual({
      ...notAToken,
      remedy:
        'create a "Read-only" personal access token for mdc-acme (dckr_pat_…) and use it instead.',
    });
  });
});
