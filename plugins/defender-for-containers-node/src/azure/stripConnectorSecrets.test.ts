import { stripConnectorSecrets } from './stripConnectorSecrets';

const connector = () => ({
  id: 'x',
  properties: {
    environmentData: {
      authentication: {
        authenticationType: 'AccessToken',
        username: 'u',
        accessToken: 'dckr_pat_secret',
      },
    },
  },
});

describe('stripConnectorSecrets', () => {
  it('removes the token from a connector and from every item of a list page', () => {
    const one = stripConnectorSecrets(connector());
    const page = stripConnectorSecrets({ value: [connector(), connector()] });
    expect(JSON.stringify([one, page])).not.toContain('dckr_pat_secret');
    expect(one.properties.environmentData.authentication).toEqual({
      authenticationType: 'AccessToken',
      username: 'u',
    });
  });

  it('leaves other bodies alone', () => {
    expect(stripConnectorSecrets(undefined)).toBeUndefined();
    expect(stripConnectorSecrets({ error: { code: 'X' } })).toEqual({
      error: { code: 'X' },
    });
  });
});
