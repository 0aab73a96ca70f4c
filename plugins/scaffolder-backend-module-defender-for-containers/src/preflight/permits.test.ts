import { permits } from './azurePreflight';

describe('permits', () => {
  const action = 'Microsoft.Security/securityConnectors/write';
  it('matches Azure RBAC wildcards and honours notActions', () => {
    expect(permits([{ actions: ['*'], notActions: [] }], action)).toBe(true);
    expect(
      permits([{ actions: ['Microsoft.Security/*'], notActions: [] }], action),
    ).toBe(true);
    expect(
      permits(
        [
          {
            actions: ['microsoft.security/securityconnectors/write'],
            notActions: [],
          },
        ],
        action,
      ),
    ).toBe(true);
    expect(permits([{ actions: ['*/read'], notActions: [] }], action)).toBe(
      false,
    );
    expect(
      permits(
        [
          {
            actions: ['*'],
            notActions: ['Microsoft.Security/securityConnectors/*'],
          },
        ],
        action,
      ),
    ).toBe(false);
    expect(permits([], action)).toBe(false);
  });
});
