import { stripConnectorSecrets } from './stripConnectorSecrets';

// Whatever shape ARM (or a proxy) answers with, stripping never throws and never invents a key.
// (Written against the survivors of `yarn mutation`.)
const withAuth = (authentication: unknown) => ({
  id: 'x',
  properties: { environmentData: { authentication } },
});

describe('stripConnectorSecrets on odd shapes', () => {
  it('passes null, text and numbers through', () => {
    expect(stripConnectorSecrets(null)).toBeNull();
    expect(stripConnectorSecrets('text')).toBe('text');
    expect(stripConnectorSecrets(0)).toBe(0);
  });

  it('skips holes in a list page and still strips the connectors around them', () => {
    const page = stripConnectorSecrets({
      value: [
        null,
        'x',
        withAuth({ accessToken: 'dckr_pat_a', username: 'u' }),
      ],
    });
    expect(page).toEqual({
      value: [null, 'x', withAuth({ username: 'u' })],
    });
  });

  it('leaves an authentication that is missing, null, text or tokenless as it is', () => {
    for (const auth of [undefined, null, 'AccessToken', { username: 'u' }]) {
      const before = JSON.stringify(withAuth(auth));
      expect(JSON.stringify(stripConnectorSecrets(withAuth(auth)))).toBe(
        before,
      );
    }
    expect(stripConnectorSecrets({ id: 'x' })).toEqual({ id: 'x' });
    expect(stripConnectorSecrets({ properties: null })).toEqual({
      properties: null,
    });
  });
});
