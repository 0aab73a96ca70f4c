import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DatabaseDefenderHealthService } from './DatabaseDefenderHealthService';
import { unscopedConnectorReads } from './ConnectorReadScope';
import type { HealthRefresher } from './HealthRefresher';
import type { ConnectorSnapshot } from './HealthStore';
import { KnexHealthStore } from './KnexHealthStore';
import { readHealthConfig } from './readHealthConfig';

const ALLOWED = '00000000-0000-0000-0000-0000000000a1';
const DROPPED = '00000000-0000-0000-0000-0000000000a2';
const idOf = (sub: string, name: string) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/${name}`;
const snapshot = (sub: string, org: string): ConnectorSnapshot => ({
  id: idOf(sub, `dockerhub-${org}`),
  name: `dockerhub-${org}`,
  subscriptionId: sub,
  resourceGroup: 'rg',
  organization: org,
  offerings: [],
  reportedStatus: 'healthy',
  issues: [],
  plans: { defenderForContainers: 'on', defenderCspm: 'on' },
  findings: { images: [], worst: [] },
});

describe('DatabaseDefenderHealthService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  it('never shows data of a subscription that is no longer allowed, even if the database still holds it', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await KnexHealthStore.create({ getClient: async () => knex });
    const at = new Date();
    await store.replaceSubscription(ALLOWED, [snapshot(ALLOWED, 'acme')], at);
    // written while DROPPED was still in the config
    await store.replaceSubscription(DROPPED, [snapshot(DROPPED, 'hooli')], at);

    const service = new DatabaseDefenderHealthService({
      readScope: unscopedConnectorReads,
      store,
      // a tripwire: reading must never refresh
      refresher: {} as HealthRefresher,
      catalog: catalogServiceMock({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'x',
              namespace: 'default',
              annotations: {
                'microsoft.com/defender-dockerhub-organization': 'acme, hooli',
                'microsoft.com/defender-connector-id': idOf(
                  DROPPED,
                  'dockerhub-hooli',
                ),
              },
            },
            spec: {},
          },
        ],
      }),
      subscriptions: [
        {
          id: ALLOWED,
          displayName: 'Allowed',
          resourceGroups: [],
          defaults: {},
        },
      ],
      config: readHealthConfig(new ConfigReader({})),
      logger: mockServices.logger.mock(),
    });

    const answer = await service.getEntityHealth(
      { kind: 'component', namespace: 'default', name: 'x' },
      { credentials: mockCredentials.user() },
    );
    expect(
      answer.connectors.map(c => [
        c.status,
        'organization' in c ? c.organization : undefined,
      ]),
    ).toEqual([
      ['healthy', 'acme'],
      ['missing', 'hooli'],
    ]);
    expect(answer.ignored).toEqual([
      expect.objectContaining({ value: idOf(DROPPED, 'dockerhub-hooli') }),
    ]);
    const list = await service.listConnectors(
      { limit: 10, offset: 0 },
      { credentials: mockCredentials.user() },
    );
    expect(list.items.map(i => i.organization)).toEqual(['acme']);
    await expect(
      service.requestConnectorRefresh(idOf(DROPPED, 'dockerhub-hooli')),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it('shows data as stale once its last read is older than two schedule intervals, even when no refresh failed', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await KnexHealthStore.create({ getClient: async () => knex });
    await store.replaceSubscription(
      ALLOWED,
      [snapshot(ALLOWED, 'acme')],
      new Date('2026-03-01T10:00:00.000Z'),
    );
    let now = new Date('2026-03-01T10:59:00.000Z');
    const service = new DatabaseDefenderHealthService({
      readScope: unscopedConnectorReads,
      store,
      refresher: {} as HealthRefresher,
      catalog: catalogServiceMock({ entities: [] }),
      subscriptions: [
        {
          id: ALLOWED,
          displayName: 'Allowed',
          resourceGroups: [],
          defaults: {},
        },
      ],
      // every 25 minutes, at most 5: stale after 55 minutes
      config: readHealthConfig(
        new ConfigReader({
          defenderForContainers: {
            health: {
              schedule: { frequency: { minutes: 25 }, timeout: { minutes: 5 } },
            },
          },
        }),
      ),
      logger: mockServices.logger.mock(),
      now: () => now,
    });
    const list = (status?: 'healthy' | 'stale') =>
      service.listConnectors(
        { limit: 10, offset: 0, status },
        { credentials: mockCredentials.user() },
      );

    now = new Date('2026-03-01T10:54:00.000Z');
    expect((await list()).items.map(i => i.status)).toEqual(['healthy']);
    expect((await list('stale')).items).toEqual([]);

    now = new Date('2026-03-01T10:56:00.000Z');
    const [item] = (await list()).items;
    expect(item).toMatchObject({
      status: 'stale',
      reportedStatus: 'healthy',
      staleSince: '2026-03-01T10:00:00.000Z',
    });
    expect(item.message).toContain('the scheduled refresh may have stopped');
    expect((await list('stale')).items).toHaveLength(1);
    expect((await list('healthy')).items).toEqual([]);
  });
});
