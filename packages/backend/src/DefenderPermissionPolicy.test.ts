import type { UserInfoService } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  AuthorizeResult,
  createPermission,
  type Permission,
} from '@backstage/plugin-permission-common';
import type { PolicyQueryUser } from '@backstage/plugin-permission-node';
import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import { scaffolderPermissions } from '@backstage/plugin-scaffolder-common/alpha';
import { defenderForContainersPermissions } from '@defender-backstage/plugin-defender-for-containers-common';
import { DefenderPermissionPolicy } from './DefenderPermissionPolicy';

const byName = Object.fromEntries(
  defenderForContainersPermissions.map(p => [p.name.split('.').pop()!, p]),
);

// What sign-in resolved for each user, served the way the userInfo service does: from the
// credentials alone. The deprecated `user.info` deliberately lacks the groups, so a policy that
// still read it would see no membership.
const directory = new Map<string, string[]>();
const userInfo: UserInfoService = {
  async getUserInfo(credentials) {
    const ref = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    return { userEntityRef: ref, ownershipEntityRefs: directory.get(ref)! };
  },
};

const userOf = (userEntityRef: string, groups: string[]): PolicyQueryUser => {
  directory.set(userEntityRef, [userEntityRef, ...groups]);
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: { userEntityRef, ownershipEntityRefs: [userEntityRef] },
  };
};

const member = userOf('user:default/guest', ['group:default/guests']);
const outsider = userOf('user:default/outsider', ['group:default/others']);

const policy = DefenderPermissionPolicy.fromConfig(
  new ConfigReader({
    permission: {
      defenderForContainers: {
        writers: ['group:default/guests', 'user:default/Solo'],
      },
    },
  }),
  userInfo,
);

const decide = (p: Permission, user?: PolicyQueryUser) =>
  policy.handle({ permission: p }, user).then(d => d.result);

describe('DefenderPermissionPolicy', () => {
  it('lets members of a writer group create, refresh and delete connectors', async () => {
    for (const p of ['create', 'refresh', 'delete']) {
      expect(await decide(byName[p], member)).toBe(AuthorizeResult.ALLOW);
    }
  });

  it('denies the same to a user outside the writer groups', async () => {
    for (const p of ['create', 'refresh', 'delete']) {
      expect(await decide(byName[p], outsider)).toBe(AuthorizeResult.DENY);
    }
  });

  it('lets every signed-in user read connectors, but not an unauthenticated caller', async () => {
    expect(await decide(byName.read, member)).toBe(AuthorizeResult.ALLOW);
    expect(await decide(byName.read, outsider)).toBe(AuthorizeResult.ALLOW);
    expect(await decide(byName.read, undefined)).toBe(AuthorizeResult.DENY);
  });

  it('accepts users as writers too, comparing entity refs case-insensitively', async () => {
    const solo = userOf('user:default/solo', []);
    expect(await decide(byName.create, solo)).toBe(AuthorizeResult.ALLOW);
  });

  it('closes a Defender permission it does not know yet to non-writers', async () => {
    const future = createPermission({
      name: 'defender-for-containers.findings.export',
      attributes: {},
    });
    expect(await decide(future, outsider)).toBe(AuthorizeResult.DENY);
    expect(await decide(future, member)).toBe(AuthorizeResult.ALLOW);
  });

  it("allows every other plugin's permissions, so the rest of Backstage works as before", async () => {
    // Templates, tasks, actions and the catalog: what running the Defender templates needs.
    const others = [...scaffolderPermissions, ...catalogPermissions];
    expect(others.map(p => p.name)).toEqual(
      expect.arrayContaining([
        'scaffolder.task.create',
        'scaffolder.action.execute',
        'catalog.entity.read',
      ]),
    );
    for (const p of others) {
      expect(await decide(p, outsider)).toBe(AuthorizeResult.ALLOW);
      expect(await decide(p, undefined)).toBe(AuthorizeResult.ALLOW);
    }
  });

  it('reads bare writer names as groups of the default namespace', async () => {
    const bare = new DefenderPermissionPolicy(['guests'], userInfo);
    expect([...bare.writers]).toEqual(['group:default/guests']);
    expect(
      (await bare.handle({ permission: byName.delete }, member)).result,
    ).toBe(AuthorizeResult.ALLOW);
  });

  it('lets nobody change connectors when no writer is configured', async () => {
    const none = DefenderPermissionPolicy.fromConfig(
      new ConfigReader({}),
      userInfo,
    );
    expect(
      (await none.handle({ permission: byName.create }, member)).result,
    ).toBe(AuthorizeResult.DENY);
  });
});
