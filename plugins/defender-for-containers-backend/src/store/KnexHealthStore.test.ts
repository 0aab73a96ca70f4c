import type { Knex } from 'knex';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import {
  DAY1,
  DAY2,
  OTHER,
  SUB,
  at,
  idOf,
  snapshot,
} from '../__testUtils__/storeTestWorld';
import { KnexHealthStore } from './KnexHealthStore';

jest.setTimeout(60_000);

describe.each(storageTestDatabaseIds())('KnexHealthStore on %s', databaseId => {
  const databases = createStorageTestDatabases();
  let knex: Knex;
  let store: KnexHealthStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await KnexHealthStore.create({ getClient: async () => knex });
  });

  it('migrates up and down', async () => {
    expect(await knex.schema.hasTable('defender_connectors')).toBe(true);
    await knex.migrate.rollback(
      { directory: `${__dirname}/../../migrations` },
      true,
    );
    expect(await knex.schema.hasTable('defender_connectors')).toBe(false);
  });

  it('replaces a subscription’s snapshot: new, changed and gone connectors, other subscriptions untouched', async () => {
    await store.replaceSubscription(
      SUB,
      [snapshot('acme'), snapshot('gone')],
      DAY1,
    );
    await store.replaceSubscription(
      OTHER,
      [snapshot('other', { subscriptionId: OTHER })],
      DAY1,
    );
    const { previous } = await store.replaceSubscription(
      SUB.toUpperCase(),
      [
        snapshot('acme', {
          reportedStatus: 'unhealthy',
          issues: [{ key: 'k', title: 'Token revoked' }],
        }),
      ],
      DAY2,
    );
    expect(previous.map(p => p.organization).sort()).toEqual(['acme', 'gone']);

    const [acme] = await store.getConnectors({ organizations: ['ACME'] });
    expect(acme).toMatchObject({
      id: idOf('dockerhub-acme'),
      reportedStatus: 'unhealthy',
      issues: [{ key: 'k', title: 'Token revoked' }],
      totals: { critical: 1, high: 2, medium: 4, low: 1 },
      refreshedAt: DAY2.toISOString(),
      plans: { defenderForContainers: 'on', defenderCspm: 'off' },
    });
    expect(acme.failingSince).toBeUndefined();
    expect(await store.getConnectors({ organizations: ['gone'] })).toEqual([]);
    expect(
      await store.getTrend([idOf('dockerhub-gone')], '2026-01-01'),
    ).toEqual([]);
    expect(
      await store.getConnectors({
        ids: [idOf('dockerhub-other', OTHER).toLowerCase()],
      }),
    ).toHaveLength(1);
    expect(await store.getSubscriptionStates()).toEqual([
      {
        subscriptionId: SUB,
        lastAttemptAt: DAY2.toISOString(),
        lastSuccessAt: DAY2.toISOString(),
      },
      {
        subscriptionId: OTHER,
        lastAttemptAt: DAY1.toISOString(),
        lastSuccessAt: DAY1.toISOString(),
      },
    ]);
  });

  it('leaves the previous snapshot whole when a write fails half-way (one transaction)', async () => {
    await store.replaceSubscription(
      SUB,
      [snapshot('acme'), snapshot('beta')],
      DAY1,
    );
    const broken = snapshot('gamma');
    Object.defineProperty(broken, 'findings', {
      get() {
        throw new Error('cut short');
      },
    });
    await expect(
      store.replaceSubscription(
        SUB,
        [snapshot('acme', { reportedStatus: 'unhealthy' }), broken],
        DAY2,
      ),
    ).rejects.toThrow('cut short');
    const rows = await store.getConnectors({
      organizations: ['acme', 'beta', 'gamma'],
    });
    expect(
      rows.map(r => [r.organization, r.reportedStatus, r.refreshedAt]),
    ).toEqual([
      ['acme', 'healthy', DAY1.toISOString()],
      ['beta', 'healthy', DAY1.toISOString()],
    ]);
    expect((await store.getSubscriptionStates())[0].lastSuccessAt).toBe(
      DAY1.toISOString(),
    );
  });

  it('marks a failed subscription stale since its first failure, keeps its data, and clears it on success', async () => {
    await store.replaceSubscription(SUB, [snapshot('acme')], DAY1);
    await store.markSubscriptionFailed(
      SUB,
      at('2026-03-01T11:00:00.000Z'),
      '403 AuthorizationFailed',
    );
    await store.markSubscriptionFailed(
      SUB,
      at('2026-03-01T12:00:00.000Z'),
      '503 ServiceUnavailable',
    );
    const [acme] = await store.getConnectors({ organizations: ['acme'] });
    expect(acme).toMatchObject({
      reportedStatus: 'healthy',
      refreshedAt: DAY1.toISOString(),
      failingSince: '2026-03-01T11:00:00.000Z',
      lastError: '503 ServiceUnavailable',
      totals: { critical: 1, high: 2, medium: 4, low: 1 },
    });
    expect((await store.getSubscriptionStates())[0]).toEqual({
      subscriptionId: SUB,
      lastAttemptAt: '2026-03-01T12:00:00.000Z',
      lastSuccessAt: DAY1.toISOString(),
      failingSince: '2026-03-01T11:00:00.000Z',
      lastError: '503 ServiceUnavailable',
    });
    await store.replaceSubscription(SUB, [snapshot('acme')], DAY2);
    const [healed] = await store.getConnectors({ organizations: ['acme'] });
    expect(healed.failingSince).toBeUndefined();
    expect(healed.lastError).toBeUndefined();
  });

  it('lets one on-demand refresh per interval through, across concurrent callers', async () => {
    await store.replaceSubscription(SUB, [snapshot('acme')], DAY1);
    const id = idOf('dockerhub-acme')
      .toUpperCase()
      .replace('/SUBSCRIPTIONS/', '/subscriptions/');
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claimRefresh(id, DAY1, 60_000)),
    );
    expect(claims.filter(c => c.claimed)).toHaveLength(1);
    expect(
      await store.claimRefresh(id, new Date(DAY1.getTime() + 20_000), 60_000),
    ).toEqual({ claimed: false, retryAfterSeconds: 40 });
    // a scheduled refresh does not reset the on-demand slot
    await store.replaceSubscription(SUB, [snapshot('acme')], DAY1);
    expect(
      (await store.claimRefresh(id, new Date(DAY1.getTime() + 30_000), 60_000))
        .claimed,
    ).toBe(false);
    expect(
      await store.claimRefresh(id, new Date(DAY1.getTime() + 60_000), 60_000),
    ).toEqual({ claimed: true });
    expect(await store.claimRefresh(idOf('nope'), DAY1, 60_000)).toEqual({
      claimed: false,
      unknown: true,
    });
  });

  it('keeps one history row per connector, day and repository, rewrites the day, and prunes old days', async () => {
    const acme = idOf('dockerhub-acme');
    await store.replaceSubscription(SUB, [snapshot('acme')], DAY1);
    // later the same day: web's findings were fixed
    const fixed = snapshot('acme');
    fixed.findings.images = fixed.findings.images.slice(0, 1);
    await store.replaceSubscription(
      SUB,
      [fixed],
      at('2026-03-01T18:00:00.000Z'),
    );
    await store.replaceSubscription(
      SUB,
      [snapshot('acme', { reportedStatus: 'unhealthy' })],
      DAY2,
    );

    const rows = await store.getTrend([acme], '2026-01-01');
    expect(
      rows.map(r => [
        r.date,
        r.repository,
        r.status,
        r.counts.critical,
        r.counts.medium,
      ]),
    ).toEqual([
      ['2026-03-01', '*', 'healthy', 1, 0],
      ['2026-03-01', 'acme/api', undefined, 1, 0],
      ['2026-03-02', '*', 'unhealthy', 1, 4],
      ['2026-03-02', 'acme/api', undefined, 1, 0],
      ['2026-03-02', 'acme/web', undefined, 0, 4],
    ]);
    expect(await store.pruneHistory('2026-03-02')).toBe(2);
    expect(
      (await store.getTrend([acme], '2026-01-01')).map(r => r.date),
    ).toEqual(['2026-03-02', '2026-03-02', '2026-03-02']);
    expect(await store.getTrend([acme], '2026-03-03')).toEqual([]);
  });

  it('removes a connector and its history', async () => {
    await store.replaceSubscription(SUB, [snapshot('acme')], DAY1);
    const { previous } = await store.removeConnector(
      idOf('dockerhub-acme'),
      DAY2,
    );
    expect(previous?.organization).toBe('acme');
    expect(await store.getConnectors({ organizations: ['acme'] })).toEqual([]);
    expect(
      await store.getTrend([idOf('dockerhub-acme')], '2026-01-01'),
    ).toEqual([]);
  });
});
