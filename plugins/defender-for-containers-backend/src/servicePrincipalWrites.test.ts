import { createServiceFactory } from '@backstage/backend-plugin-api';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import type { DefenderHealthService } from './service/DefenderHealthService';
import { defenderHealthServiceRef } from './service/defenderHealthServiceRef';
import { defenderForContainersPlugin } from './plugin';

const BASE = '/api/defender-for-containers';
const CONNECTOR =
  '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme';
const REFRESH = `${BASE}/connectors/${encodeURIComponent(CONNECTOR)}/refresh`;
const KEY = 'defenderForContainers.permissions.servicePrincipals';

/** The Authorization header of a service principal with this subject (an external access token). */
const asService = (subject: string) =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service(subject),
    targetPluginId: 'defender-for-containers',
  });

/**
 * The plugin with Backstage's real permissions service, permission framework on: it decides for
 * service principals from their access restrictions alone, without asking the policy, so a
 * service token without restrictions is allowed everything. The health service is a fake: only
 * the guard in front of it is under test.
 */
async function start(servicePrincipals?: string[]) {
  const health = {
    getEntityHealth: jest.fn(async () => ({
      entityRef: 'component:default/payments',
      connectors: [],
    })),
    listConnectors: jest.fn(async () => ({
      items: [],
      totalCount: 0,
      limit: 50,
      offset: 0,
    })),
    listConnectorOwners: jest.fn(async () => ({ items: [] })),
    requestConnectorRefresh: jest.fn(async (id: string) => ({
      accepted: true as const,
      response: { id, requestedAt: '2025-01-01T00:00:00.000Z' },
    })),
    refreshAll: jest.fn(),
  };
  const { server } = await startTestBackend({
    features: [
      defenderForContainersPlugin,
      permissionsServiceFactory,
      createServiceFactory({
        service: defenderHealthServiceRef,
        deps: {},
        factory: () => health as unknown as DefenderHealthService,
      }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          ...(servicePrincipals && {
            defenderForContainers: { permissions: { servicePrincipals } },
          }),
        },
      }),
    ],
  });
  return { server, health };
}

describe('service principals and the write permissions', () => {
  it('refuses an unlisted service POST /connectors/:id/refresh, naming its subject and the key, while the reads answer', async () => {
    const { server, health } = await start(['external:someone-else']);
    const ci = asService('external:ci-bot');

    const refused = await request(server)
      .post(REFRESH)
      .set('authorization', ci);
    expect(refused.status).toBe(403);
    expect(refused.body.error.name).toBe('NotAllowedError');
    expect(refused.body.error.message).toContain("'external:ci-bot'");
    expect(refused.body.error.message).toContain(KEY);
    expect(refused.body.error.message).toContain(
      'defender-for-containers.connector.refresh',
    );
    expect(health.requestConnectorRefresh).not.toHaveBeenCalled();

    // Reads follow the permission service as before.
    await request(server)
      .get(`${BASE}/connectors`)
      .set('authorization', ci)
      .expect(200);
    await request(server)
      .get(`${BASE}/connectors/owners`)
      .set('authorization', ci)
      .expect(200);
    await request(server)
      .get(`${BASE}/entities/component/default/payments/defender`)
      .set('authorization', ci)
      .expect(200);
    // The onboarding form's subscriptions go to who may create or delete: not this service.
    const subscriptions = await request(server)
      .get(`${BASE}/azure/subscriptions`)
      .set('authorization', ci);
    expect(subscriptions.status).toBe(403);
    expect(subscriptions.body.error.message).toContain(KEY);
  });

  it('refuses every service when the key is unset, the plugins own included', async () => {
    const { server, health } = await start();
    for (const subject of ['external:ci-bot', 'plugin:catalog']) {
      const res = await request(server)
        .post(REFRESH)
        .set('authorization', asService(subject));
      expect(res.status).toBe(403);
      expect(res.body.error.message).toContain(`'${subject}'`);
    }
    expect(health.requestConnectorRefresh).not.toHaveBeenCalled();
  });

  it('lets a listed service refresh (and list the subscriptions)', async () => {
    const { server, health } = await start(['external:ci-bot']);
    const res = await request(server)
      .post(REFRESH)
      .set('authorization', asService('external:ci-bot'));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      id: CONNECTOR,
      requestedAt: '2025-01-01T00:00:00.000Z',
    });
    expect(health.requestConnectorRefresh).toHaveBeenCalledWith(CONNECTOR);
    await request(server)
      .get(`${BASE}/azure/subscriptions`)
      .set('authorization', asService('external:ci-bot'))
      .expect(200, { items: [] });
  });
});
