import type { TestDatabaseId } from '@backstage/backend-test-utils';
import createKnex, { type Knex } from 'knex';
import { ACME, PROD, healthScenario } from '../__testUtils__/healthTestWorld';
import { gated } from '../__testUtils__/gatedStore';
import {
  createStorageTestDatabases,
  storageTestDatabaseIds,
} from '../__testUtils__/storageTestDatabases';
import { testRefresher } from '../__testUtils__/testRefresher';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { connectorNotifications } from '../notifications/connectorNotifications';
import { toConnectorHealth } from '../service/toConnectorViews';
import type { HealthStore } from '../store/HealthStore';
import { KnexHealthStore } from '../store/KnexHealthStore';
import type { ConnectorTransition } from './ConnectorTransition';

jest.setTimeout(60_000);

const EXPIRES = '2027-03-01';
const day = (offset: number) =>
  new Date(Date.parse(`${EXPIRES}T09:00:00Z`) + offset * 86_400_000);

/** acme's connector carries the onboarding's expiry tag. */
const withExpiry = {
  ...healthScenario,
  azure: {
    ...healthScenario.azure!,
    connectors: healthScenario.azure!.connectors!.map(c =>
      c.name === 'dockerhub-acme'
        ? { ...c, tags: { ...c.tags, 'dockerhub-token-expires': EXPIRES } }
        : c,
    ),
  },
};

describe.each(storageTestDatabaseIds())(
  'token expiry, on %s',
  (databaseId: TestDatabaseId) => {
    const databases = createStorageTestDatabases();
    const t = useHealthEmulator();
    let knexA: Knex;
    let knexB: Knex;
    let published: ConnectorTransition[];

    beforeEach(async () => {
      t.emu.loadScenario(withExpiry);
      knexA = await databases.init(databaseId);
      knexB = databaseId.startsWith('POSTGRES')
        ? createKnex(knexA.client.config)
        : knexA;
      published = [];
    });
    afterEach(async () => {
      if (knexB !== knexA) await knexB.destroy();
    });

    const refresher = (store: HealthStore, now: Date) =>
      testRefresher({
        emulator: t,
        store,
        now: () => now,
        publish: transitions => published.push(...transitions),
      });
    const expiryNotices = () =>
      published
        .filter(p => p.connectorId === ACME && p.tokenExpiry)
        .map(p => p.tokenExpiry!.stage);

    it('is read from the tag, shown from 30 days before, an issue once expired', async () => {
      const store = await KnexHealthStore.create({
        getClient: async () => knexA,
      });
      const view = async (now: Date) => {
        await refresher(store, now).refreshAll();
        const [acme] = await store.getConnectors({ ids: [ACME] });
        expect(acme.tokenExpiresOn).toBe(EXPIRES);
        return toConnectorHealth(
          acme,
          t.config.azure.subscriptions,
          [],
          undefined,
          undefined,
          undefined,
          now,
        );
      };
      expect((await view(day(-40))).tokenExpiry).toEqual({
        expiresOn: EXPIRES,
        daysLeft: 40,
        stage: 'none',
      });
      expect((await view(day(-30))).tokenExpiry?.stage).toBe('soon');
      const expired = await view(day(0));
      expect(expired.tokenExpiry?.stage).toBe('expired');
      expect(expired.issues[0]).toMatchObject({
        title: 'Docker Hub access token expired',
        remediation: expect.stringContaining('Rotate'),
      });
      expect(expired.issueCount).toBe(1);
    });

    it('tells the owner once at 14 days, once at 3 and once when expired, across two replicas that overlap', async () => {
      const a = await KnexHealthStore.create({ getClient: async () => knexA });
      const b = new KnexHealthStore(knexB);
      // The first read is the baseline; 20 days out nothing is told.
      await refresher(a, day(-40)).refreshAll();
      await refresher(b, day(-20)).refreshAll();
      expect(expiryNotices()).toEqual([]);

      for (const [offset, stage] of [
        [-14, 'warning'],
        [-3, 'critical'],
        [0, 'expired'],
      ] as const) {
        // Replica A has read Azure and waits to write while replica B refreshes and writes.
        const held = gated(a, PROD);
        const scheduled = refresher(held.store, day(offset)).refreshAll();
        await held.atGate;
        await refresher(b, day(offset)).refreshAll();
        held.open();
        await scheduled;
        // And again later the same day, on either replica: no repeat.
        await refresher(a, day(offset)).refreshConnector(ACME);
        await refresher(b, day(offset)).refreshAll();
        expect(expiryNotices().filter(s => s === stage)).toEqual([stage]);
      }
      expect(expiryNotices()).toEqual(['warning', 'critical', 'expired']);

      const notices = published
        .filter(p => p.tokenExpiry)
        .flatMap(p => connectorNotifications(p, '/catalog/x'))
        .filter(n => n.scope?.endsWith(':token-expiry'));
      expect(notices.map(n => [n.title, n.severity])).toEqual([
        [
          `Docker Hub token of acme expires on ${EXPIRES}, in 14 days`,
          'normal',
        ],
        [`Docker Hub token of acme expires on ${EXPIRES}, in 3 days`, 'high'],
        [`Docker Hub token of acme expired on ${EXPIRES}`, 'critical'],
      ]);
    });

    it('says nothing after a rotation to a later day', async () => {
      const a = await KnexHealthStore.create({ getClient: async () => knexA });
      await refresher(a, day(-20)).refreshAll();
      t.emu.loadScenario({
        ...withExpiry,
        azure: {
          ...withExpiry.azure,
          connectors: withExpiry.azure.connectors!.map(c =>
            c.name === 'dockerhub-acme'
              ? {
                  ...c,
                  tags: { ...c.tags, 'dockerhub-token-expires': '2027-12-31' },
                }
              : c,
          ),
        },
      });
      await refresher(a, day(-10)).refreshAll();
      expect(expiryNotices()).toEqual([]);
      const [acme] = await a.getConnectors({ ids: [ACME] });
      expect(acme.tokenExpiresOn).toBe('2027-12-31');
    });
  },
);
