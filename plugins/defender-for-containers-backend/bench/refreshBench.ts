/*
 * The refresh half of the health bench (run through healthBench.ts): the scheduled refresh of
 * 10 … 10,000 connectors with 50 ms injected on every emulator answer — wall time, CPU time and
 * ARM requests. Targets: requests grow with pages, not connectors; 1,000 in ≤ 30 s.
 */
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import { startHealthTestBackend } from '../src/__testUtils__/startHealthTestBackend';
import { BENCH_SUBSCRIPTION, benchScenario } from './benchScenario';

const REFRESH_LATENCY_MS = 50;
/** The emulator's default ARM page size (securityConnectors, healthReports). */
const PAGE_SIZE = 50;

const pad = (s: string | number, n: number) => String(s).padStart(n);
const subscriptions = [{ id: BENCH_SUBSCRIPTION, displayName: 'Bench' }];

/** Requests per refresh, over `runs` refreshes. */
function countRequests(emu: Emulator, runs: number) {
  const log = emu.state().requestLog;
  const count = (re: RegExp) => log.filter(r => re.test(r.path)).length / runs;
  // Entra signs in once (the first run); the token serves the second.
  const entra = count(/oauth2|openid-configuration|discovery/i) * runs;
  const connectors = count(
    /\/providers\/Microsoft\.Security\/securityConnectors$/i,
  );
  const health = count(/\/providers\/Microsoft\.Security\/healthReports$/i);
  const pricings = count(/\/providers\/Microsoft\.Security\/pricings/i);
  const graph = count(/\/providers\/Microsoft\.ResourceGraph\/resources$/i);
  return {
    entra,
    connectors,
    health,
    pricings,
    graph,
    arm: (log.length - entra) / runs,
  };
}

/**
 * Wall and CPU seconds of `run`. CPU is the whole process's (user + system): the emulator serves
 * from this process too, so it counts both sides of every request, the same way before and after
 * a change — compare it between runs, not with a production backend.
 */
async function timed<T>(run: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const wall = (performance.now() - t0) / 1000;
  const { user, system } = process.cpuUsage(cpu0);
  return { result, wall, cpu: (user + system) / 1e6 };
}

export async function refreshBench(options: {
  emu: Emulator;
  caFile: string;
  sizes: number[];
  emit: (figure: Record<string, unknown>) => void;
}) {
  const { emu, emit } = options;
  console.log(
    `\nRefresh: all Docker Hub connectors of one subscription into SQLite (in memory), ${REFRESH_LATENCY_MS} ms injected per emulator answer, ARM page size ${PAGE_SIZE} (the emulator's default)`,
  );
  console.log(
    ' connectors | connector pages | ARM requests per refresh (connectors + health + pricings + Resource Graph) | per 100 connectors | wall s: first (empty database), again | CPU s (process, emulator included): first, again',
  );
  let at1000: number | undefined;
  for (const n of options.sizes) {
    emu.clearFaults();
    emu.loadScenario(benchScenario(n, PAGE_SIZE)); // also empties the request log
    const backend = await startHealthTestBackend({
      emulator: { emu, caFile: options.caFile },
      subscriptions,
      features: [catalogServiceMock.factory({ entities: [] })],
    });
    try {
      emu.injectFault({
        route: /./,
        kind: 'latency',
        latencyMs: REFRESH_LATENCY_MS,
      });
      const first = await timed(() => backend.health.refreshAll());
      // The scheduled case: the same connectors again, compared with what the first run stored.
      const again = await timed(() => backend.health.refreshAll());
      const outcome = first.result.subscriptions[0];
      if (!outcome.ok || outcome.connectors !== n) {
        throw new Error(
          `refresh of ${n} connectors read ${outcome.connectors}: ${
            outcome.error ?? ''
          }`,
        );
      }
      const r = countRequests(emu, 2);
      if (process.env.BENCH_VERBOSE) {
        const log = emu.state().requestLog;
        let prev = Date.parse(log[0].at);
        for (const e of log) {
          const at = Date.parse(e.at);
          console.log(
            `+${at - prev}ms ${e.method} ${e.path.slice(0, 100)} ${e.status}`,
          );
          prev = at;
        }
      }
      if (n === 1_000) at1000 = Math.max(first.wall, again.wall);
      for (const [run, { wall, cpu }] of [
        ['first, empty database', first],
        ['again, the scheduled case', again],
      ] as const) {
        const what = `refresh of ${n.toLocaleString(
          'en',
        )} connectors (${REFRESH_LATENCY_MS} ms per call), ${run}`;
        emit({
          figure: what,
          value: Number(wall.toFixed(1)),
          unit: 's',
          ...(n === 1_000 ? { target: '≤ 30 s', targetValue: 30 } : {}),
          better: 'lower',
        });
        emit({
          figure: `${what}: CPU (process, emulator included)`,
          value: Number(cpu.toFixed(2)),
          unit: 's',
          better: 'lower',
        });
      }
      emit({
        figure: `refresh of ${n.toLocaleString('en')} connectors: ARM requests`,
        value: r.arm,
        unit: 'requests',
        target: `grow with pages (${Math.ceil(n / PAGE_SIZE)} of ${PAGE_SIZE})`,
        better: 'lower',
      });
      const requests = `${pad(n.toLocaleString('en'), 11)} | ${pad(
        Math.ceil(n / PAGE_SIZE),
        15,
      )} | ${pad(r.arm, 5)} = ${r.connectors} + ${r.health} + ${r.pricings} + ${
        r.graph
      } (+ ${r.entra} Entra, once)`;
      console.log(
        `${requests.padEnd(98)}| ${pad(
          ((r.arm / n) * 100).toFixed(1),
          18,
        )} | ${pad(first.wall.toFixed(1), 6)}, ${again.wall.toFixed(1)} | ${pad(
          first.cpu.toFixed(2),
          7,
        )}, ${again.cpu.toFixed(2)}`,
      );
    } finally {
      emu.clearFaults();
      await backend.stop();
    }
  }
  console.log(
    'target requests grow with pages, not connectors: 2 ARM list requests per page of 50 connectors (connectors + health reports), plus a constant per subscription (pricings, Resource Graph pages of 1,000 rows)',
  );
  if (at1000 !== undefined) {
    console.log(
      `target 1,000 connectors in ≤ 30 s: ${at1000.toFixed(1)} s ${
        at1000 <= 30 ? 'OK' : 'MISSED'
      }`,
    );
  }
}
