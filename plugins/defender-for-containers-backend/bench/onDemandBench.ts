/*
 * Cost that follows the work (run through healthBench.ts, part `ondemand`): in subscriptions of
 * 1,000 and 10,000 Docker Hub connectors, with 50 ms injected on every emulator answer,
 *  - the scheduled refresh of the whole subscription: wall time and database statements;
 *  - an on-demand refresh of one connector (the card's Refresh, an onboarding's announcement):
 *    requests, wall time and statements, which must not grow with the subscription.
 * The refresher runs on the real ARM client and an in-memory SQLite database whose statements are
 * counted (knex `query` events).
 */
import { mockServices } from '@backstage/backend-test-utils';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import { startDefenderTestEmulator } from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import createKnex from 'knex';
import { testRefresher } from '../src/__testUtils__/testRefresher';
import { KnexHealthStore } from '../src/store/KnexHealthStore';
import {
  BENCH_RG,
  BENCH_SUBSCRIPTION,
  benchOrg,
  benchScenario,
} from './benchScenario';

const LATENCY_MS = 50;
const PAGE_SIZE = 50;
const pad = (s: string | number, n: number) => String(s).padStart(n);

export async function onDemandBench(options: {
  emu: Emulator;
  sizes: number[];
  emit: (figure: Record<string, unknown>) => void;
}) {
  const { emu, emit } = options;
  console.log(
    `\nScheduled vs on-demand refresh, ${LATENCY_MS} ms injected per emulator answer, SQLite in memory`,
  );
  console.log(
    ' connectors | scheduled: wall s | DB statements | on demand, one connector: requests | wall s | DB statements',
  );
  const onDemand: Array<{ requests: number; wall: number }> = [];
  let scheduledAt10k: number | undefined;
  for (const n of options.sizes) {
    emu.clearFaults();
    emu.loadScenario(benchScenario(n, PAGE_SIZE));
    const t = await startDefenderTestEmulator({
      emulator: emu,
      subscriptions: [{ id: BENCH_SUBSCRIPTION, displayName: 'Bench' }],
    });
    const knex = createKnex({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    let statements = 0;
    knex.on('query', () => statements++);
    try {
      const store = await KnexHealthStore.create({
        getClient: async () => knex,
      });
      const refresher = testRefresher({
        emulator: t,
        store,
        logger: mockServices.rootLogger({ level: 'error' }),
      });
      emu.injectFault({ route: /./, kind: 'latency', latencyMs: LATENCY_MS });

      statements = 0;
      let t0 = performance.now();
      const summary = await refresher.refreshAll();
      const scheduledWall = (performance.now() - t0) / 1000;
      const scheduledStatements = statements;
      if (summary.subscriptions[0]?.connectors !== n) {
        throw new Error(`the scheduled refresh of ${n} connectors failed`);
      }

      const id = `/subscriptions/${BENCH_SUBSCRIPTION}/resourceGroups/${BENCH_RG}/providers/Microsoft.Security/securityConnectors/dockerhub-${benchOrg(
        Math.floor(n / 2),
      )}`;
      const mark = emu.state().requestLog.length;
      statements = 0;
      t0 = performance.now();
      const result = await refresher.refreshConnector(id);
      const wall = (performance.now() - t0) / 1000;
      if (!result.ok) throw new Error(`the on-demand refresh of ${id} failed`);
      const requests = emu.state().requestLog.length - mark;
      onDemand.push({ requests, wall });
      if (n === 10_000) scheduledAt10k = scheduledWall;

      console.log(
        `${pad(n.toLocaleString('en'), 11)} | ${pad(
          scheduledWall.toFixed(1),
          17,
        )} | ${pad(scheduledStatements, 13)} | ${pad(requests, 36)} | ${pad(
          wall.toFixed(2),
          6,
        )} | ${pad(statements, 13)}`,
      );
      const size = n.toLocaleString('en');
      emit({
        figure: `scheduled refresh of ${size} connectors (${LATENCY_MS} ms per call): database statements`,
        value: scheduledStatements,
        unit: 'statements',
        better: 'lower',
      });
      emit({
        figure: `scheduled refresh of ${size} connectors (${LATENCY_MS} ms per call), batched writes`,
        value: Number(scheduledWall.toFixed(1)),
        unit: 's',
        ...(n === 10_000 ? { target: '≤ 15 s', targetValue: 15 } : {}),
        better: 'lower',
      });
      emit({
        figure: `on-demand refresh of one connector among ${size}: requests`,
        value: requests,
        unit: 'requests',
        target: 'the same for every subscription size',
        better: 'lower',
      });
      emit({
        figure: `on-demand refresh of one connector among ${size} (${LATENCY_MS} ms per call)`,
        value: Number(wall.toFixed(2)),
        unit: 's',
        better: 'lower',
      });
    } finally {
      emu.clearFaults();
      await knex.destroy();
    }
  }
  const same = onDemand.every(o => o.requests === onDemand[0]?.requests);
  console.log(
    `target on-demand requests independent of the subscription's size: ${onDemand
      .map(o => o.requests)
      .join(' vs ')} ${same ? 'OK' : 'MISSED'}`,
  );
  if (scheduledAt10k !== undefined) {
    console.log(
      `target scheduled refresh of 10,000 connectors ≤ 15 s: ${scheduledAt10k.toFixed(
        1,
      )} s ${scheduledAt10k <= 15 ? 'OK' : 'MISSED'}`,
    );
  }
}
