import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { defenderForContainersPlugin } from './plugin';
import { concrete, installedRouters } from './__testUtils__/installedRouters';

const config = mockServices.rootConfig.factory({
  data: {
    defenderForContainers: {
      azure: {
        subscriptions: [
          {
            id: '11111111-1111-1111-1111-111111111111',
            displayName: 'Production',
            resourceGroups: ['rg-security', 'rg-other'],
            defaults: { location: 'westeurope', scanIntervalHours: 12 },
          },
          {
            id: '22222222-2222-2222-2222-222222222222',
            defaults: { resourceGroup: 'rg-default' },
          },
        ],
      },
    },
  },
});

describe('defenderForContainersPlugin', () => {
  it('answers /health without credentials', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin, config],
    });

    const res = await request(server).get(
      '/api/defender-for-containers/health',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('keeps every other route behind authentication, refused by its own check', async () => {
    // Without Backstage's credentials barrier in front (which refuses a bad token before any
    // plugin code runs): what answers 401 here is the plugin's own httpAuth check.
    const { app, routes, policies, stop } = await installedRouters();
    try {
      // The one route it opens; the barrier honours any other policy it would register.
      expect(policies).toEqual([{ path: '/health', allow: 'unauthenticated' }]);
      const guarded = routes.filter(([, path]) => path !== '/health');
      expect(guarded.length).toBeGreaterThanOrEqual(5);
      const answers: string[] = [];
      for (const [method, path] of guarded) {
        const call = () => (request(app) as any)[method](concrete(path));
        const statuses = [
          (await call()).status,
          (await call().set('authorization', mockCredentials.none.header()))
            .status,
          (
            await call().set(
              'authorization',
              mockCredentials.user.invalidHeader(),
            )
          ).status,
          (
            await call()
              .set(
                'authorization',
                `Bearer ${mockCredentials.limitedUser.token()}`,
              )
              .set('cookie', mockCredentials.limitedUser.cookie())
          ).status,
        ];
        answers.push(`${method.toUpperCase()} ${path}: ${statuses.join(' ')}`);
      }
      expect(answers).toEqual(
        guarded.map(
          ([method, path]) =>
            `${method.toUpperCase()} ${path}: 401 401 401 401`,
        ),
      );
    } finally {
      await stop();
    }
  });

  it('offers exactly the configured subscriptions, resource groups and defaults', async () => {
    const { server } = await startTestBackend({
      features: [defenderForContainersPlugin, config],
    });

    const res = await request(server)
      .get('/api/defender-for-containers/azure/subscriptions')
      .expect(200);
    expect(res.body.items).toEqual([
      {
        id: '11111111-1111-1111-1111-111111111111',
        displayName: 'Production',
        resourceGroups: ['rg-security', 'rg-other'],
        defaults: {
          resourceGroup: 'rg-security',
          location: 'westeurope',
          scanIntervalHours: 12,
        },
      },
      {
        id: '22222222-2222-2222-2222-222222222222',
        displayName: '22222222-2222-2222-2222-222222222222',
        resourceGroups: ['rg-default'],
        defaults: { resourceGroup: 'rg-default' },
      },
    ]);
  });

  describe('permissions', () => {
    const allowOnly = (name: string) =>
      mockServices.permissions.mock({
        authorize: async requests =>
          requests.map(r => ({
            result:
              r.permission.name === name
                ? AuthorizeResult.ALLOW
                : AuthorizeResult.DENY,
          })),
      });

    it('registers its four permissions for policy authors and RBAC UIs', async () => {
      const { server } = await startTestBackend({
        features: [defenderForContainersPlugin, config],
      });

      const res = await request(server)
        .get(
          '/api/defender-for-containers/.well-known/backstage/permissions/metadata',
        )
        .expect(200);
      expect(res.body.permissions.map((p: { name: string }) => p.name)).toEqual(
        [
          'defender-for-containers.connector.read',
          'defender-for-containers.connector.refresh',
          'defender-for-containers.connector.create',
          'defender-for-containers.connector.delete',
        ],
      );
    });

    /** GET /azure/subscriptions as user:default/x, under a policy that allows only `allowed`. */
    const listAs = async (allowed: string) => {
      const permissions = allowOnly(allowed);
      const { server } = await startTestBackend({
        features: [defenderForContainersPlugin, config, permissions.factory],
      });
      const res = await request(server)
        .get('/api/defender-for-containers/azure/subscriptions')
        .set('authorization', mockCredentials.user.header('user:default/x'));
      return { res, permissions };
    };

    it('answers 401 without credentials, before asking the policy', async () => {
      const permissions = allowOnly('defender-for-containers.connector.create');
      const { server } = await startTestBackend({
        features: [defenderForContainersPlugin, config, permissions.factory],
      });

      await request(server)
        .get('/api/defender-for-containers/azure/subscriptions')
        .set('authorization', mockCredentials.none.header())
        .expect(401);
      expect(permissions.authorize).not.toHaveBeenCalled();
    });

    it('answers 403 naming both permissions when the policy denies connector.create and connector.delete', async () => {
      const { res } = await listAs('defender-for-containers.connector.read');
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual(
        expect.objectContaining({
          name: 'NotAllowedError',
          message:
            'The permissions defender-for-containers.connector.create and defender-for-containers.connector.delete are all denied; ask your Backstage administrators (the permission policy) to grant one of them.',
        }),
      );
      expect(res.body.items).toBeUndefined();
    });

    it('answers 200 to a user who may only delete connectors (the offboarding form needs the list)', async () => {
      const { res } = await listAs('defender-for-containers.connector.delete');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
    });

    it("asks the policy for connector.create or connector.delete with the caller's credentials, then answers 200", async () => {
      const { res, permissions } = await listAs(
        'defender-for-containers.connector.create',
      );
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(2);
      expect(permissions.authorize).toHaveBeenCalledWith(
        [
          {
            permission: expect.objectContaining({
              name: 'defender-for-containers.connector.create',
            }),
          },
          {
            permission: expect.objectContaining({
              name: 'defender-for-containers.connector.delete',
            }),
          },
        ],
        { credentials: mockCredentials.user('user:default/x') },
      );
    });

    it('keeps /health open even when every permission is denied', async () => {
      const { server } = await startTestBackend({
        features: [
          defenderForContainersPlugin,
          config,
          mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
        ],
      });

      const res = await request(server).get(
        '/api/defender-for-containers/health',
      );
      expect(res.status).toBe(200);
    });
  });
});
