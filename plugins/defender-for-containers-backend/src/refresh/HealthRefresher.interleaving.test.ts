import type { TestDatabaseId } from '@backstage/backend-test-utils';
import createKnex, { type Knex } from 'knex';
import {
  ACME,
  INITECH,
  PROD,
  connectorIdOf,
  healthScenario,
  onboardHooli,
  worldWithoutHooli,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import { testRefresher } from '../__testUtils__/testRefresher';
import type { HealthStore } from '../store/HealthStore';
import { gated } from '../__testUtils__/gatedStore';
import { KnexHealthStore } from '../store/KnexHealthStore';
import type { ConnectorTransition } from './ConnectorTransition';

jest.setTimeout(60_000);

const HOOLI_IN_PROD = connectorIdOf(PROD, 'dockerhub-hooli');

// Two replicas on one database: two stores (PostgreSQL: two connection pools; SQLite in
// memory: one pool, as a file would be shared) and two refreshers, the scheduled refresh held
// between its read from Azure and its write while the other replica completes.
describe.each(storageTestDatabaseIds())(
  'refreshes that overlap, on %s',
  (databaseId: TestDatabaseId) => {
    const databases = createStorageTestDatabases();
    const t = useHealthEmulator();
    let knexA: Knex;
    let knexB: Knex;
    let published: ConnectorTransition[];

    const refresher = (store: HealthStore) =>
      testRefresher({
        emulator: t,
        store,
        publish: transitions => published.push(...transitions),
      });
    const stored = async (store: HealthStore, id: string) =>
      (await store.getConnectors({ ids: [id] }))[0];
    const of = (id: string) =>
      published
        .filter(p => p.connectorId.toLowerCase() === id.toLowerCase())
        .map(p => `${p.from ?? 'new'}→${p.to}`);

    beforeEach(async () => {
      knexA = await databases.init(databaseId);
      knexB = databaseId.startsWith('POSTGRES')
        ? createKnex(knexA.client.config)
        : knexA;
      published = [];
    });
    afterEach(async () => {
      if (knexB !== knexA) await knexB.destroy();
    });

    const replicas = async () => {
      const a = await KnexHealthStore.create({ getClient: async () => knexA });
      const b = new KnexHealthStore(knexB);
      return { a, b };
    };

    it('keeps a connector onboarded while a scheduled refresh was held', async () => {
      t.emu.loadScenario(worldWithoutHooli);
      const { a, b } = await replicas();
      const held = gated(a, PROD);
      const scheduled = refresher(held.store).refreshAll();
      await held.atGate;

      await onboardHooli(t.arm, HOOLI_IN_PROD);
      // The announcement after onboarding, on the other replica.
      await refresher(b).refreshConnector(HOOLI_IN_PROD);
      expect((await stored(b, HOOLI_IN_PROD)).reportedStatus).toBe('pending');
      const trend = await b.getTrend([HOOLI_IN_PROD], '2000-01-01');
      expect(trend).not.toEqual([]);

      held.open();
      await scheduled;
      expect((await stored(b, HOOLI_IN_PROD))?.reportedStatus).toBe('pending');
      expect(await b.getTrend([HOOLI_IN_PROD], '2000-01-01')).toEqual(trend);
      expect(of(HOOLI_IN_PROD)).toEqual(['new→pending']);
    });

    it('does not bring back a connector offboarded while a scheduled refresh was held, and notifies once', async () => {
      const { a, b } = await replicas();
      await refresher(a).refreshAll();
      published = [];
      const held = gated(a, PROD);
      const scheduled = refresher(held.store).refreshAll();
      await held.atGate;

      await t.arm.deleteSecurityConnector(INITECH);
      await refresher(b).refreshConnector(INITECH);
      expect(await stored(b, INITECH)).toBeUndefined();

      held.open();
      await scheduled;
      expect(await stored(b, INITECH)).toBeUndefined();
      // The next scheduled refresh finds nothing new to say.
      await refresher(a).refreshAll();
      expect(of(INITECH)).toEqual(['unhealthy→missing']);
    });

    it('never replaces newer data with older: refreshedAt only moves forward', async () => {
      const { a, b } = await replicas();
      await refresher(a).refreshAll();
      const held = gated(a, PROD);
      const scheduled = refresher(held.store).refreshAll();
      await held.atGate;

      await new Promise(r => setTimeout(r, 5));
      await refresher(b).refreshConnector(ACME);
      const newer = (await stored(b, ACME)).refreshedAt;

      held.open();
      await scheduled;
      expect((await stored(b, ACME)).refreshedAt).toBe(newer);
    });

    it('keeps the findings of a later read when a refresh that read them before a fix writes last', async () => {
      const { a, b } = await replicas();
      const openOf = async (store: HealthStore) =>
        (
          await store.listFindings(
            { connectors: [{ id: ACME }] },
            {},
            { sort: 'severity', order: 'asc', limit: 200 },
          )
        ).items.map(f => f.title);
      const held = gated(a, PROD);
      const scheduled = refresher(held.store).refreshAll();
      await held.atGate;
      // acme/web's only image is rebuilt without its findings; the other replica reads that.
      const fixed = structuredClone(healthScenario);
      const acmeOrg = fixed.dockerHub!.orgs!.find(o => o.name === 'acme')!;
      acmeOrg.repositories!.find(r => r.name === 'web')!.tags = [
        {
          name: 'latest',
          findings: { critical: 0, high: 0, medium: 0, low: 0 },
        },
      ];
      t.emu.loadScenario(fixed);
      await refresher(b).refreshConnector(ACME);
      const after = await openOf(b);
      expect(after.length).toBe(9);

      held.open();
      await scheduled;
      // The held refresh still holds web's two findings: they must not come back.
      expect(await openOf(b)).toEqual(after);
      expect((await stored(b, ACME)).findingsStored).toBe(9);
    });

    it('announces a change once when two replicas read it and write in either order', async () => {
      const { a, b } = await replicas();
      await refresher(a).refreshAll();
      // What was stored before Defender re-evaluated initech as healthy (its token was rotated).
      await knexA('defender_connectors')
        .whereRaw('LOWER(id) = ?', [INITECH.toLowerCase()])
        .update({ reported_status: 'healthy' });
      published = [];
      const first = gated(a, PROD);
      const second = gated(b, PROD);
      const runs = [
        refresher(first.store).refreshAll(),
        refresher(second.store).refreshAll(),
      ];
      await Promise.all([first.atGate, second.atGate]);
      // Both read initech unhealthy; both are let go at once.
      first.open();
      second.open();
      await Promise.all(runs);
      expect(of(INITECH)).toEqual(['healthy→unhealthy']);
    });
  },
);
