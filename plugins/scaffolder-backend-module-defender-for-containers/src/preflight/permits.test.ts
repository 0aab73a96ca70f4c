import { permits } from './permits';

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

  it('applies notActions only to the actions of their own entry, as Azure sums role assignments', () => {
    const contributor = {
      actions: ['*'],
      notActions: [
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
      ],
    };
    expect(permits([contributor], action)).toBe(true);
    expect(
      permits([contributor], 'Microsoft.Authorization/roleAssignments/write'),
    ).toBe(false);
    const deniedHere = { actions: ['*'], notActions: ['Microsoft.Security/*'] };
    expect(permits([deniedHere], action)).toBe(false);
    expect(
      permits(
        [deniedHere, { actions: ['Microsoft.Security/*'], notActions: [] }],
        action,
      ),
    ).toBe(true);
    expect(
      permits(
        [{ actions: ['Microsoft.Security/*/read'], notActions: [] }],
        action,
      ),
    ).toBe(false);
  });
});
