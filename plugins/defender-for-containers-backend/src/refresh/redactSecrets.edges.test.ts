import { redactSecrets } from './redactSecrets';

// The spellings a secret can take in an upstream message. (Written against the survivors of
// `yarn mutation`.)
describe('redactSecrets, every spelling', () => {
  it.each([
    [
      'an organization access token',
      'got dckr_oat_Org-Token_0123456789abcdef',
      'got dckr_***',
    ],
    [
      'a token at the very start',
      'dckr_pat_abc-DEF_123 is revoked',
      'dckr_*** is revoked',
    ],
    [
      'a lower-case bearer',
      'authorization: bearer abc.DEF_ghi~+/=',
      'authorization: Bearer ***',
    ],
    ['a bearer after blanks', 'Bearer \t abc123', 'Bearer ***'],
    [
      'an unsigned JWT',
      'jwt eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. end',
      'jwt ***jwt*** end',
    ],
    ['a JWT with 5-character parts', 'eyJabcde.fghij.klm', '***jwt***'],
  ])('masks %s', (_what, text, masked) => {
    expect(redactSecrets(text)).toBe(masked);
  });

  it('leaves look-alikes that are no secret', () => {
    expect(redactSecrets('eyJab.cd.ef and dckr_pat')).toBe(
      'eyJab.cd.ef and dckr_pat',
    );
  });

  it('cuts to the length asked for', () => {
    expect(redactSecrets('abcdef', 4)).toBe('abcd');
    expect(redactSecrets('x'.repeat(1000))).toHaveLength(1000);
  });
});
