/*
 * Fault suite of the health refresh: the real HealthRefresher + KnexHealthStore read the emulator
 * over HTTPS while it injects a seeded sequence of faults (429 with and without Retry-After, 409,
 * 503, 504, connection resets, latency spikes, stale etags) into the routes a refresh calls.
 * For every case: no connector is lost, a subscription whose read failed keeps its last good data
 * marked stale (with an error naming what failed, no token, no stack), one that was read is
 * fresh, and the next run without the fault recovers everything. Prints the faults injected and
 * the outcomes. Reproduce a failure with FAULT_SEED=<seed>.
 */
import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  FaultSpec,
  ScenarioInput,
} from '@defender-backstage/azure-dockerhub-emulator';
import {
  FAULT_NAMES,
  FAULT_SEED,
  Tally,
  faultSpec,
  seededRandom,
  startDefenderTestEmulator,
  type FaultName,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import {
  ALLOWED_SUBSCRIPTIONS,
  TEAM_ORGS,
  TOKENS,
  healthScenario,
} from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { testRefresher } from '../__testUtils__/testRefresher';
import { effectiveStatus } from '../refresh/connectorTransitions';
import type { StoredConnector } from '../store/HealthStore';
import { KnexHealthStore } from '../store/KnexHealthStore';

jest.setTimeout(600_000);

const CASES = Number(process.env.FAULT_CASES ?? 24);
const ORGS = ['acme', 'initech', 'globex', ...TEAM_ORGS];
const ROUTES = [
  'GET securityConnectors',
  'healthReports',
  'pricings',
  'resourceGraph',
  'entraToken',
];
/** A stale etag hits the connector routes, whichever route the case names. */
const spec = (
  name: FaultName,
  route: string,
  times: number | undefined,
  latencyMs: number,
): FaultSpec =>
  faultSpec(
    name,
    name === 'staleEtag' ? 'securityConnectors' : route,
    times,
    latencyMs,
  );

/**
 * The health world without its pending connector: statuses must not change while the suite runs
 * (real time passes, and with it the emulator's health delay).
 */
const world: ScenarioInput = {
  ...healthScenario,
  azure: {
    ...healthScenario.azure,
    connectors: healthScenario.azure.connectors!.map(c => {
      const { createdAt: _createdAt, ...rest } = c;
      return rest;
    }),
  },
};

/** What a reader sees of a connector, without when it was read. */
const content = (c: StoredConnector) => {
  const {
    refreshedAt: _r,
    failingSince: _f,
    lastError: _e,
    lastScannedAt: _s,
    ...rest
  } = c;
  return rest;
};

describe(`health refresh under injected faults (FAULT_SEED=${FAULT_SEED})`, () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  const t = useHealthEmulator({ scenario: world, seed: FAULT_SEED });
  let store: KnexHealthStore;
  let good: Record<string, ReturnType<typeof content>>;
  const injected = new Tally();
  const outcomes = new Tally();
  const violations: string[] = [];

  /** A refresher with new clients, as after a restart (MSAL's throttling cache starts empty). */
  const refresher = async () =>
    testRefresher({
      emulator: await startDefenderTestEmulator({
        emulator: t.emu,
        subscriptions: ALLOWED_SUBSCRIPTIONS,
      }),
      store,
      health: { findings: { pageSize: 3 } },
    });
  const stored = async () =>
    Object.fromEntries(
      (await store.getConnectors({ organizations: ORGS })).map(c => [
        c.organization,
        c,
      ]),
    );

  beforeAll(async () => {
    const knex = await databases.init('SQLITE_3');
    store = await KnexHealthStore.create({ getClient: async () => knex });
    const first = await (await refresher()).refreshAll();
    if (first.subscriptions.some(s => !s.ok))
      throw new Error('the first refresh without faults failed');
    good = Object.fromEntries(
      Object.entries(await stored()).map(([k, v]) => [k, content(v)]),
    );
    if (Object.keys(good).length !== ORGS.length)
      throw new Error(`expected ${ORGS.length} connectors to start with`);
  });
  afterAll(async () => {
    // eslint-disable-next-line no-console
    console.log(
      [
        `health refresh fault suite, FAULT_SEED=${FAULT_SEED}: ${CASES} refreshes under faults, ${injected.total} faults injected`,
        'faults injected (by kind):',
        injected.format(),
        'outcomes (per subscription read):',
        outcomes.format(),
        `invariant violations: ${violations.length}`,
        ...violations.map(v => `  ${v}`),
      ].join('\n'),
    );
  });

  const random = seededRandom(FAULT_SEED);
  const cases = Array.from({ length: CASES }, (_, i) => {
    const fault =
      i < FAULT_NAMES.length ? FAULT_NAMES[i] : random.pick(FAULT_NAMES);
    return {
      i,
      fault,
      route: random.pick(ROUTES),
      times: random.pick([1, 2, undefined] as const),
      latencyMs: random.int(300, 1500),
    };
  });

  it.each(cases.map(c => [c.i, c.fault, c]))(
    '#%i refresh with %s',
    async (_i, _f, c) => {
      const label = `#${c.i} ${c.fault} on ${
        c.fault === 'staleEtag' ? 'securityConnectors' : c.route
      } x${c.times ?? '∞'}`;
      const problems: string[] = [];
      const r = await refresher();
      const logStart = t.emu.state().requestLog.length;
      t.emu.injectFault(spec(c.fault, c.route, c.times, c.latencyMs));
      const summary = await r.refreshAll();
      t.emu.clearFaults();
      t.emu
        .state()
        .requestLog.slice(logStart)
        .filter(e => e.faults?.length)
        .forEach(() => injected.add(c.fault));

      const now = await stored();
      for (const org of ORGS) {
        const x = now[org];
        if (!x) {
          problems.push(`${org} lost`);
          continue;
        }
        const sub = x.subscriptionId;
        const ok = summary.subscriptions.find(
          s => s.subscriptionId === sub,
        )?.ok;
        if (JSON.stringify(content(x)) !== JSON.stringify(good[org]))
          problems.push(`${org}: data differs from the last good read`);
        if (ok && effectiveStatus(x) === 'stale')
          problems.push(`${org}: read, but marked stale`);
        if (!ok) {
          if (effectiveStatus(x) !== 'stale')
            problems.push(`${org}: read failed, not marked stale`);
          if (!x.lastError || /\n\s+at /.test(x.lastError))
            problems.push(`${org}: no clear lastError`);
        }
        if (TOKENS.some(token => JSON.stringify(x).includes(token)))
          problems.push(`${org}: token stored`);
      }
      for (const s of summary.subscriptions)
        outcomes.add(
          s.ok
            ? 'read despite the fault'
            : 'failed: kept last good data, marked stale',
        );

      // The next run without faults recovers everything.
      const healed = await (await refresher()).refreshAll();
      const after = await stored();
      const recovered =
        healed.subscriptions.every(s => s.ok) &&
        ORGS.every(
          org =>
            after[org] &&
            effectiveStatus(after[org]) !== 'stale' &&
            JSON.stringify(content(after[org])) === JSON.stringify(good[org]),
        );
      outcomes.add(
        recovered ? 'next run recovered' : 'next run did not recover',
      );
      if (!recovered) problems.push('next run did not recover');
      if (problems.length) violations.push(`${label}: ${problems.join('; ')}`);
      expect({ case: label, problems }).toEqual({ case: label, problems: [] });
    },
  );
});
