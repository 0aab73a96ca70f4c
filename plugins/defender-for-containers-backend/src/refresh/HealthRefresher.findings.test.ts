import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import {
  ACME,
  INITECH,
  PROD,
  healthScenario,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { testRefresher } from '../__testUtils__/testRefresher';
import { KnexHealthStore } from '../store/KnexHealthStore';
import { toConnectorHealth } from '../service/toConnectorViews';

jest.setTimeout(60_000);

/** The health world with Docker Hub assessments outside any connector (the filter finds none). */
const elsewhere = {
  ...healthScenario,
  azure: { ...healthScenario.azure!, assessmentLayout: 'elsewhere' as const },
};

/** The health world with one Docker Hub organization's repositories replaced. */
const withRepositories = (
  organization: string,
  repositories: Array<{
    name: string;
    tags: Array<{
      name: string;
      findings?: Record<string, number>;
      resolved?: Record<string, number>;
    }>;
  }>,
) => ({
  ...healthScenario,
  dockerHub: {
    ...healthScenario.dockerHub!,
    orgs: healthScenario.dockerHub!.orgs!.map(org =>
      org.name === organization ? { ...org, repositories } : org,
    ),
  },
});

/** initech's billing image has fixed findings only. */
const resolvedOnly = withRepositories('initech', [
  {
    name: 'billing',
    tags: [{ name: '2.0', resolved: { critical: 1, high: 2 } }],
  },
]);

describe('findings data against the emulator: none is not zero', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const t = useHealthEmulator();
  let store: KnexHealthStore;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  let queries: string[];

  const refresher = () => {
    // The real client, recording the Resource Graph queries it sends.
    const arm: DefenderArmClient = Object.create(t.arm);
    arm.queryResourceGraph = (subscriptions, query, options) => {
      queries.push(query);
      return t.arm.queryResourceGraph(subscriptions, query, options);
    };
    return testRefresher({
      emulator: t,
      arm,
      store,
      health: { findings: { pageSize: 3, firstScanHours: 1 } },
      logger,
    });
  };
  const stored = async (id: string) =>
    (await store.getConnectors({ ids: [id] }))[0];

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    store = await KnexHealthStore.create({ getClient: async () => knex });
    logger = mockServices.logger.mock();
    queries = [];
  });

  it('stores "no data" when the filter finds no assessment, and warns once per subscription with the sources it sees', async () => {
    t.emu.loadScenario(elsewhere);
    await refresher().refreshAll();
    const acme = await stored(ACME);
    expect(acme.findings).toEqual({ images: [], worst: [], reported: false });
    expect(acme.createdAt).toEqual(expect.any(String));
    // The day's history says so too: its zero counts are no data, not no findings.
    const history = await store.getTrend([ACME], '2000-01-01');
    expect(history.map(r => [r.repository, r.findingsReported])).toEqual([
      ['*', false],
    ]);
    const card = toConnectorHealth(acme, t.config.azure.subscriptions, history);
    expect(card.trend).toEqual([
      expect.objectContaining({ findingsReported: false }),
    ]);
    expect(card.findings).toMatchObject({ reported: false });

    const warnings = logger.warn.mock.calls
      .map(([m]) => String(m))
      .filter(m => m.startsWith('No Defender findings data'));
    // PROD only: TEAM's connectors ask for Defender for Containers, whose plan is off there.
    expect(warnings).toHaveLength(1);
    const prod = warnings.find(w => w.includes(PROD))!;
    expect(prod).toContain('resourceId contains "/securityentitydata/"');
    expect(prod).toMatch(/Source values .*"DockerHub" \(\d+\)/);
    expect(prod).toContain('Resource Graph Explorer');
    expect(prod).toContain('acme');
    // the diagnostic query is sent only for that subscription
    expect(
      queries.filter(q => q.includes('by source = tostring')),
    ).toHaveLength(1);
  });

  it('stores zero open findings as data when Defender assessed the images and everything is fixed', async () => {
    t.emu.loadScenario(resolvedOnly);
    await refresher().refreshAll();
    const initech = await stored(INITECH);
    expect(initech.findings.reported).toBe(true);
    const history = await store.getTrend([INITECH], '2000-01-01');
    expect(history.map(r => r.findingsReported)).toEqual([true]);
    expect(
      toConnectorHealth(initech, t.config.azure.subscriptions, history)
        .trend[0],
    ).not.toHaveProperty('findingsReported');
    expect(initech.totals).toEqual({ critical: 0, high: 0, medium: 0, low: 0 });
    expect((await stored(ACME)).findings.reported).toBe(true);
    expect(
      logger.warn.mock.calls.filter(([m]) =>
        String(m).startsWith('No Defender findings data'),
      ),
    ).toEqual([]);
  });

  it('narrows both findings queries of an on-demand refresh to the connector: its cost does not follow the subscription', async () => {
    const subscriptionWide: number[] = [];
    const onDemandRequests = async (scenario: typeof healthScenario) => {
      t.emu.loadScenario(scenario);
      const r = refresher();
      const graph = () =>
        t.emu
          .state()
          .requestLog.filter(e => e.path.includes('Microsoft.ResourceGraph'))
          .length;
      const before = graph();
      await r.refreshAll();
      subscriptionWide.push(graph() - before);
      queries = [];
      const mark = t.emu.state().requestLog.length;
      await r.refreshConnector(ACME);
      expect(queries).toHaveLength(2);
      for (const q of queries) {
        expect(q).toContain(
          `| where resourceId startswith "${ACME.toLowerCase()}/securityentitydata/"`,
        );
      }
      expect((await stored(ACME)).totals.critical).toBe(3);
      return t.emu
        .state()
        .requestLog.slice(mark)
        .filter(e => e.path.includes('Microsoft.ResourceGraph')).length;
    };
    // initech, in the same subscription, with 40 more findings rows
    const busyInitech = withRepositories('initech', [
      {
        name: 'svc',
        tags: Array.from({ length: 10 }, (_, i) => ({
          name: `v${i}`,
          findings: { critical: 1, high: 1, medium: 1, low: 1 },
        })),
      },
    ]);
    const quiet = await onDemandRequests(healthScenario);
    expect(await onDemandRequests(busyInitech)).toBe(quiet);
    // while the scheduled refresh of the subscription reads more pages
    expect(subscriptionWide[1]).toBeGreaterThan(subscriptionWide[0]);
  });
});
