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
  idOf,
  snapshot,
} from '../__testUtils__/storeTestWorld';
import { KnexHealthStore } from './KnexHealthStore';

jest.setTimeout(60_000);

describe.each(storageTestDatabaseIds())(
  'KnexHealthStore lists on %s',
  databaseId => {
    const databases = createStorageTestDatabases();
    let knex: Knex;
    let store: KnexHealthStore;

    beforeEach(async () => {
      knex = await databases.init(databaseId);
      store = await KnexHealthStore.create({ getClient: async () => knex });
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

    it('sorts by the token expiry day, connectors without one last in both directions', async () => {
      await store.replaceSubscription(
        SUB,
        [
          snapshot('late', { tokenExpiresOn: '2027-12-01' }),
          snapshot('never'),
          snapshot('soon', { tokenExpiresOn: '2027-01-10' }),
        ],
        DAY1,
      );
      const order = async (dir: 'asc' | 'desc') =>
        (
          await store.listConnectors(
            { subscriptionIds: [SUB] },
            { limit: 10, offset: 0 },
            { sort: 'tokenExpiresOn', order: dir },
          )
        ).items.map(i => [i.organization, i.tokenExpiresOn]);
      expect(await order('asc')).toEqual([
        ['soon', '2027-01-10'],
        ['late', '2027-12-01'],
        ['never', undefined],
      ]);
      expect((await order('desc')).map(([o]) => o)).toEqual([
        'late',
        'soon',
        'never',
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
        snapshot('healthy', {
          findings: counts(0, 5),
          owner: 'group:default/b',
        }),
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
      expect(await sorted('findings', 'desc', { limit: 2, offset: 2 })).toEqual(
        ['healthy', 'waiting'],
      );
    });
  },
);
