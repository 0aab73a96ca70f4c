import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import permissionBackend from '@backstage/plugin-permission-backend';
import defenderBackend from '@defender-backstage/plugin-defender-for-containers-backend';
import request from 'supertest';
import { permissionPolicyModule } from './permissionPolicyModule';

// What the catalog sign-in resolver would put in each user's token: its ref and its groups.
const groupsOf: Record<string, string[]> = {
  'user:default/member': ['group:default/defender-admins'],
  'user:default/outsider': ['group:default/others'],
};
const userInfo = createServiceFactory({
  service: coreServices.userInfo,
  deps: {},
  factory: () => ({
    async getUserInfo(credentials) {
      const { userEntityRef } = credentials.principal as {
        userEntityRef: string;
      };
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(groupsOf[userEntityRef] ?? []),
        ],
      };
    },
  }),
});

const config = mockServices.rootConfig.factory({
  data: {
    permission: {
      enabled: true,
      defenderForContainers: { writers: ['group:default/defender-admins'] },
    },
    defenderForContainers: {
      azure: {
        subscriptions: [{ id: '11111111-1111-1111-1111-111111111111' }],
      },
    },
  },
});

describe('permissionPolicyModule in the backend', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        permissionBackend,
        permissionPolicyModule,
        defenderBackend,
        config,
        userInfo,
      ],
    }));
  });

  const subscriptionsAs = (user: string) =>
    request(server)
      .get('/api/defender-for-containers/azure/subscriptions')
      .set('authorization', mockCredentials.user.header(user));

  it('refuses the onboarding form a user outside the writer groups, naming the permission', async () => {
    const res = await subscriptionsAs('user:default/outsider');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'defender-for-containers.connector.create',
    );
  });

  it('serves it to a member of a writer group', async () => {
    const res = await subscriptionsAs('user:default/member');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
  });
});
