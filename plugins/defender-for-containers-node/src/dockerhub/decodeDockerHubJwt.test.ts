import {
  decodeDockerHubJwt,
  decodeRegistryTokenActions,
} from './decodeDockerHubJwt';

const jwt = (payload: object) =>
  [
    'e30',
    Buffer.from(JSON.stringify(payload)).toString('base64url'),
    'sig',
  ].join('.');

describe('decodeDockerHubJwt', () => {
  it('reads scope, user name and expiry', () => {
    expect(
      decodeDockerHubJwt(
        jwt({
          scope: 'repo:read',
          exp: 1767225600,
          'https://hub.docker.com': { username: 'mdcuser' },
        }),
      ),
    ).toEqual({
      scope: 'repo:read',
      username: 'mdcuser',
      expiresAt: new Date(1767225600000),
    });
  });
  it('returns nothing for garbage', () => {
    expect(decodeDockerHubJwt('garbage')).toEqual({});
  });
  it('reads the actions a registry token grants for a repository', () => {
    const t = jwt({
      access: [{ type: 'repository', name: 'acme/api', actions: ['pull'] }],
    });
    expect(decodeRegistryTokenActions(t, 'ACME/api')).toEqual(['pull']);
    expect(decodeRegistryTokenActions(t, 'acme/other')).toEqual([]);
  });
});
