import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { defenderForContainersPermissions } from '@defender-backstage/plugin-defender-for-containers-common';
import { authorizeDefenderPermission } from './authorizeDefenderPermission';

// The decision and the message alone, for every kind of initiator; the actions' own tests show
// it runs before any remote call. (Written against the survivors of `yarn mutation`.)
const create = defenderForContainersPermissions.find(p =>
  p.name.endsWith('.create'),
)!;

async function decide(credentials: any, answer: unknown[]) {
  const permissions = mockServices.permissions.mock();
  permissions.authorize.mockResolvedValue(answer as any);
  const result = await authorizeDefenderPermission(
    permissions,
    create,
    credentials,
    { doing: 'onboard Docker Hub organizations' },
  ).then(
    () => 'allowed',
    e => e,
  );
  return { result, permissions };
}

describe('authorizeDefenderPermission', () => {
  it('allows what the policy allows, asking about exactly that permission for the initiator', async () => {
    const credentials = mockCredentials.user('user:default/jane');
    const { result, permissions } = await decide(credentials, [
      { result: AuthorizeResult.ALLOW },
    ]);
    expect(result).toBe('allowed');
    expect(permissions.authorize).toHaveBeenCalledWith(
      [{ permission: create }],
      { credentials },
    );
  });

  it.each([
    ['a user', mockCredentials.user('user:default/jane'), 'user:default/jane'],
    ['a service', mockCredentials.service('plugin:catalog'), 'plugin:catalog'],
    ['nobody', mockCredentials.none(), 'an unauthenticated caller'],
    [
      'a user without an entity ref',
      {
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'user' },
      },
      'an unauthenticated caller',
    ],
    [
      'a service without a subject',
      {
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'service' },
      },
      'an unauthenticated caller',
    ],
    [
      'a service that also carries a user entity ref',
      {
        $$type: '@backstage/BackstageCredentials',
        principal: {
          type: 'service',
          subject: 'plugin:catalog',
          userEntityRef: 'user:default/jane',
        },
      },
      'plugin:catalog',
    ],
    [
      'a principal of another kind, whatever it carries',
      {
        $$type: '@backstage/BackstageCredentials',
        principal: {
          type: 'none',
          subject: 'plugin:catalog',
          userEntityRef: 'user:default/jane',
        },
      },
      'an unauthenticated caller',
    ],
  ])('refuses %s, naming who and what', async (_who, credentials, named) => {
    for (const answer of [
      [{ result: AuthorizeResult.DENY }],
      [{ result: AuthorizeResult.CONDITIONAL }],
      [],
    ]) {
      const { result } = await decide(credentials, answer);
      expect(result).toBeInstanceOf(NotAllowedError);
      expect(result.message).toBe(
        `You are not allowed to onboard Docker Hub organizations: the permission ${create.name} is denied for ${named}. Ask your Backstage administrators (the permission policy) to grant it.`,
      );
    }
  });

  describe('without doing (the routes and AI actions)', () => {
    const read = defenderForContainersPermissions.find(p =>
      p.name.endsWith('.read'),
    )!;
    it('refuses when the policy gives no decision at all', async () => {
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([]);
      await expect(
        authorizeDefenderPermission(permissions, read, mockCredentials.user()),
      ).rejects.toThrow(`The permission ${read.name} is denied`);
    });

    describe('given several permissions', () => {
      const [createP, removeP] = ['.create', '.delete'].map(
        end =>
          defenderForContainersPermissions.find(p => p.name.endsWith(end))!,
      );
      const decideAll = (...results: AuthorizeResult[]) => {
        const permissions = mockServices.permissions.mock();
        permissions.authorize.mockResolvedValue(
          results.map(result => ({ result } as any)),
        );
        return {
          permissions,
          check: () =>
            authorizeDefenderPermission(
              permissions,
              [createP, removeP],
              mockCredentials.user('user:default/jane'),
            ),
        };
      };

      it('asks for all of them in one call and lets through when any one is allowed', async () => {
        for (const results of [
          [AuthorizeResult.ALLOW, AuthorizeResult.DENY],
          [AuthorizeResult.DENY, AuthorizeResult.ALLOW],
        ]) {
          const { permissions, check } = decideAll(...results);
          await expect(check()).resolves.toBeUndefined();
          expect(permissions.authorize).toHaveBeenCalledWith(
            [{ permission: createP }, { permission: removeP }],
            { credentials: mockCredentials.user('user:default/jane') },
          );
        }
      });

      it('refuses naming every one of them when none is allowed', async () => {
        const { check } = decideAll(
          AuthorizeResult.DENY,
          AuthorizeResult.CONDITIONAL,
        );
        await expect(check()).rejects.toThrow(
          new Error(
            `The permissions ${createP.name} and ${removeP.name} are all denied; ask your Backstage administrators (the permission policy) to grant one of them.`,
          ),
        );
      });
    });
  });
});
