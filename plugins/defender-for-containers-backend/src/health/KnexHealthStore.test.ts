import type { DatabaseService } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import type { ConnectorSnapshot } from './HealthStore';
import { KnexHealthStore } from './KnexHealthStore';

jest.setTimeout(60_000);

const SUB = '00000000-0000-0000-0000-0000000000e1';
const OTHER = '00000000-0000-0000-0000-0000000000e2';
const idOf = (name: string, sub = SUB) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/${name}`;

function snapshot(
  org: string,
  overrides: Partial<ConnectorSnapshot> = {},
): ConnectorSnapshot {
  return {
    id: idOf(`dockerhub-${org}`, overrides.subscriptionId),
    name: `dockerhub-${org}`,
    subscriptionId: SUB,
    resourceGroup: 'rg',
    location: 'westeurope',
    organization: org,
    scanIntervalHours: 24,
    offerings: ['DefenderForContainersDockerHub'],
    reportedStatus: 'healthy',
    issues: [],
    lastScannedAt: '2026-03-01T07:00:00.000Z',
    plans: { defenderForContainers: 'on', defenderCspm: 'off' },
    findings: {
      images: [
        {
          image: `${org}/api:1`,
          repository: `${org}/api`,
          counts: { critical: 1, high: 2, medium: 0, low: 0 },
        },
        {
          image: `${org}/web:1`,
          repository: `${org}/web`,
          counts: { critical: 0, high: 0, medium: 4, low: 1 },
        },
      ],
      worst: [
        {
          title: 'openssl: CVE-2026-0001',
          severity: 'Critical',
          cves: ['CVE-2026-0001'],
          fixedVersion: '3.0.1',
          images: [`${org}/api:1`],
        },
      ],
    },
    ...overrides,
  };
}

const at = (iso: string) => new Date(iso);
const DAY1 = at('2026-03-01T10:00:00.000Z');
const DAY2 = at('2026-03-02T10:00:00.000Z');

describe.each(storageTestDatabaseIds())('KnexHealthStore on %s', databaseId => {
  const databases = createStorageTestDatabases();
  let knex: Knex;
  let store: KnexHealthStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    const database: DatabaseService = { getClient: async () => knex };
    store = await KnexHealthStore.create(database);
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

  it('lists with filters, literal text search and paging', async () => {
    await store.replaceSubscription(
      SUB,
      [
        snapshot('acme'),
        snapshot('acme_labs', { reportedStatus: 'pending' }),
        snapshot('acmexlabs', { reportedStatus: 'unhealthy' }),
        snapshot('zeta'),
      ],
      DAY1,
    );
    await store.replaceSubscription(
      OTHER,
      [snapshot('other', { subscriptionId: OTHER })],
      DAY1,
    );
    await store.markSubscriptionFailed(OTHER, DAY2, 'boom');
    const list = (filter: object, page = { limit: 10, offset: 0 }) =>
      store
        .listConnectors({ subscriptionIds: [SUB, OTHER], ...filter }, page)
        .then(r => ({
          orgs: r.items.map(i => i.organization),
          total: r.totalCount,
        }));

    expect(await list({})).toEqual({
      orgs: ['acme', 'acme_labs', 'acmexlabs', 'other', 'zeta'],
      total: 5,
    });
    expect(await list({}, { limit: 2, offset: 2 })).toEqual({
      orgs: ['acmexlabs', 'other'],
      total: 5,
    });
    expect(await list({ status: 'healthy' })).toEqual({
      orgs: ['acme', 'zeta'],
      total: 2,
    });
    expect(await list({ status: 'stale' })).toEqual({
      orgs: ['other'],
      total: 1,
    });
    expect(await list({ status: 'pending' })).toEqual({
      orgs: ['acme_labs'],
      total: 1,
    });
    // '_' is a literal underscore, not LIKE's any-character
    expect(await list({ text: 'ACME_' })).toEqual({
      orgs: ['acme_labs'],
      total: 1,
    });
    expect(await list({ text: '%' })).toEqual({ orgs: [], total: 0 });
    expect(await list({ organization: 'Zeta' })).toEqual({
      orgs: ['zeta'],
      total: 1,
    });
    expect(await list({ subscriptionId: OTHER.toUpperCase() })).toEqual({
      orgs: ['other'],
      total: 1,
    });
    expect(
      (
        await store.listConnectors(
          { subscriptionIds: [SUB] },
          { limit: 10, offset: 0 },
        )
      ).totalCount,
    ).toBe(4);
  });

  it('narrows the list and the owners to a read scope of any size (one bound parameter)', async () => {
    await store.replaceSubscription(
      SUB,
      [
        snapshot('acme', { owner: 'group:default/payments' }),
        snapshot('initech', { owner: 'group:default/ops' }),
        snapshot('zeta'),
      ],
      DAY1,
    );
    // More names than SQLite (32,766) or PostgreSQL (65,535) accept as separate parameters.
    const many = Array.from({ length: 70_000 }, (_, i) => `org-${i}`);
    const scoped = async (organizations: string[]) => ({
      orgs: (
        await store.listConnectors(
          { subscriptionIds: [SUB], organizations },
          { limit: 10, offset: 0 },
        )
      ).items.map(i => i.organization),
      owners: await store.listOwners([SUB], organizations),
    });
    expect(await scoped([...many, 'initech', 'zeta'])).toEqual({
      orgs: ['initech', 'zeta'],
      owners: ['group:default/ops'],
    });
    expect(await scoped([])).toEqual({ orgs: [], owners: [] });
  });

  it('lists from the summary columns, never reading the per-image details', async () => {
    await store.replaceSubscription(
      SUB,
      [
        snapshot('acme', {
          reportedStatus: 'unhealthy',
          healthReason: 'Token revoked',
          issues: [
            { key: 'k', title: 'Docker Hub access token was revoked' },
            { key: 'l', title: 'second' },
          ],
          findings: { images: [], worst: [], reported: false },
        }),
      ],
      DAY1,
    );
    // A details column no list may touch: parsing it would throw.
    await knex('defender_connectors').update({ details: 'not JSON' });
    const { items } = await store.listConnectors(
      { subscriptionIds: [SUB] },
      { limit: 10, offset: 0 },
    );
    expect(items).toEqual([
      expect.objectContaining({
        organization: 'acme',
        reportedStatus: 'unhealthy',
        healthReason: 'Token revoked',
        firstIssueTitle: 'Docker Hub access token was revoked',
        issueCount: 2,
        findingsReported: false,
      }),
    ]);
    expect(items[0]).not.toHaveProperty('findings');
  });

  it('stores the owner, updates it with the tag, and filters by it', async () => {
    expect(await knex.schema.hasColumn('defender_connectors', 'owner')).toBe(
      true,
    );
    await store.replaceSubscription(
      SUB,
      [
        snapshot('acme', { owner: 'group:default/payments' }),
        snapshot('zeta', { owner: 'group:default/payments' }),
        snapshot('nobody'),
      ],
      DAY1,
    );
    const byOwner = async (owner: string) =>
      (
        await store.listConnectors(
          { subscriptionIds: [SUB], owner },
          { limit: 10, offset: 0 },
        )
      ).items.map(i => [i.organization, i.owner]);

    expect(await byOwner('GROUP:default/payments')).toEqual([
      ['acme', 'group:default/payments'],
      ['zeta', 'group:default/payments'],
    ]);
    // Each owner once, untagged connectors none, other subscriptions not at all.
    await store.replaceSubscription(
      OTHER,
      [
        snapshot('elsewhere', {
          subscriptionId: OTHER,
          owner: 'group:default/secret-team',
        }),
      ],
      DAY1,
    );
    expect(await store.listOwners([SUB])).toEqual(['group:default/payments']);
    const [nobody] = await store.getConnectors({ organizations: ['nobody'] });
    expect(nobody.owner).toBeUndefined();

    // The tag moved in Azure: the next refresh moves the owner.
    await store.upsertConnector(
      snapshot('zeta', { owner: 'group:default/platform' }),
      DAY2,
    );
    expect(await byOwner('group:default/payments')).toEqual([
      ['acme', 'group:default/payments'],
    ]);
    expect(await byOwner('group:default/platform')).toEqual([
      ['zeta', 'group:default/platform'],
    ]);
    expect(await store.listOwners([SUB.toUpperCase(), OTHER])).toEqual([
      'group:default/payments',
      'group:default/platform',
      'group:default/secret-team',
    ]);
  });

  it('sorts in the database by status, findings, owner and refresh time, paging over the sorted list', async () => {
    const counts = (critical: number, high: number) => ({
      images: [
        {
          image: 'x/y:1',
          repository: 'x/y',
          counts: { critical, high, medium: 0, low: 0 },
        },
      ],
      worst: [],
    });
    await store.replaceSubscription(
      SUB,
      [
        snapshot('healthy', {
          findings: counts(0, 5),
          owner: 'group:default/b',
        }),
        snapshot('sick', {
          reportedStatus: 'unhealthy',
          findings: counts(2, 0),
          owner: 'group:default/a',
        }),
        snapshot('waiting', {
          reportedStatus: 'pending',
          findings: counts(0, 0),
        }),
        snapshot('old', { findings: counts(2, 1), owner: 'group:default/c' }),
      ],
      DAY1,
    );
    await store.markConnectorFailed(idOf('dockerhub-old'), DAY2, 'boom');
    await store.upsertConnector(
      snapshot('healthy', { findings: counts(0, 5), owner: 'group:default/b' }),
      DAY2,
    );
    const sorted = async (
      sort: 'organization' | 'status' | 'findings' | 'owner' | 'refreshedAt',
      order: 'asc' | 'desc',
      page = { limit: 10, offset: 0 },
    ) =>
      (
        await store.listConnectors({ subscriptionIds: [SUB] }, page, {
          sort,
          order,
        })
      ).items.map(i => i.organization);

    expect(await sorted('organization', 'desc')).toEqual([
      'waiting',
      'sick',
      'old',
      'healthy',
    ]);
    expect(await sorted('status', 'asc')).toEqual([
      'sick',
      'old',
      'waiting',
      'healthy',
    ]);
    expect(await sorted('status', 'desc')).toEqual([
      'healthy',
      'waiting',
      'old',
      'sick',
    ]);
    expect(await sorted('findings', 'desc')).toEqual([
      'old',
      'sick',
      'healthy',
      'waiting',
    ]);
    expect(await sorted('owner', 'asc')).toEqual([
      'sick',
      'healthy',
      'old',
      'waiting',
    ]);
    expect(await sorted('owner', 'desc')).toEqual([
      'old',
      'healthy',
      'sick',
      'waiting',
    ]);
    expect(await sorted('refreshedAt', 'desc')).toEqual([
      'healthy',
      'old',
      'sick',
      'waiting',
    ]);
    expect(await sorted('findings', 'desc', { limit: 2, offset: 2 })).toEqual([
      'healthy',
      'waiting',
    ]);
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
