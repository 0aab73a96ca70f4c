import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { bareSnapshot } from '../__testUtils__/bareSnapshot';
import { componentEntity } from '../__testUtils__/componentEntity';
import { testHealthService } from '../__testUtils__/testHealthService';
import { KnexHealthStore } from '../store/KnexHealthStore';

const ALLOWED = '00000000-0000-0000-0000-0000000000a1';
const DROPPED = '00000000-0000-0000-0000-0000000000a2';
const HOOLI = bareSnapshot(DROPPED, 'hooli').id;

describe('DatabaseDefenderHealthService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  it('never shows data of a subscription that is no longer allowed, even if the database still holds it', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await KnexHealthStore.create({ getClient: async () => knex });
    const at = new Date();
    await store.replaceSubscription(
      ALLOWED,
      [bareSnapshot(ALLOWED, 'acme')],
      at,
    );
    // written while DROPPED was still in the config
    await store.replaceSubscription(
      DROPPED,
      [bareSnapshot(DROPPED, 'hooli')],
      at,
    );

    const service = testHealthService({
      store,
      catalog: catalogServiceMock({
        entities: [
          componentEntity('x', {
            'microsoft.com/defender-dockerhub-organization': 'acme, hooli',
            'microsoft.com/defender-connector-id': HOOLI,
          }),
        ],
      }),
      subscriptions: [{ id: ALLOWED, displayName: 'Allowed' }],
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
    expect(answer.ignored).toEqual([expect.objectContaining({ value: HOOLI })]);
    const list = await service.listConnectors(
      { limit: 10, offset: 0 },
      { credentials: mockCredentials.user() },
    );
    expect(list.items.map(i => i.organization)).toEqual(['acme']);
    await expect(service.requestConnectorRefresh(HOOLI)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });

  it('shows data as stale once its last read is older than two schedule intervals, even when no refresh failed', async () => {
    const knex = await databases.init('SQLITE_3');
    const store = await KnexHealthStore.create({ getClient: async () => knex });
    await store.replaceSubscription(
      ALLOWED,
      [bareSnapshot(ALLOWED, 'acme')],
      new Date('2026-03-01T10:00:00.000Z'),
    );
    let now = new Date('2026-03-01T10:59:00.000Z');
    const service = testHealthService({
      store,
      catalog: catalogServiceMock({ entities: [] }),
      subscriptions: [{ id: ALLOWED, displayName: 'Allowed' }],
      // every 25 minutes, at most 5: stale after 55 minutes
      health: {
        schedule: { frequency: { minutes: 25 }, timeout: { minutes: 5 } },
      },
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
