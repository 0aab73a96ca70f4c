import { mockCredentials } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';
import type { AddressInfo } from 'node:net';
import { startHealthTestBackend } from '../src/__testUtils__/startHealthTestBackend';
import { BENCH_SUBSCRIPTION, benchOrg, benchScenario } from './benchScenario';
import { measureLatency, percentile } from './measureLatency';

const COMPONENTS = 200;
const CONCURRENCY = 16;
/** 4 tags × 500 open findings of `org00000/svc`. */
const TAG_FINDINGS = { critical: 50, high: 100, medium: 150, low: 200 };

const entity = (
  kind: string,
  name: string,
  extra: Partial<Entity> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default', ...extra.metadata },
  spec: {},
  ...(extra.relations ? { relations: extra.relations } : {}),
});

/** The team's components, each shipping one bench organization's repository. */
const catalog: Entity[] = [
  entity('Group', 'bench-team'),
  ...Array.from({ length: COMPONENTS }, (_, i) =>
    entity('Component', `svc-${i}`, {
      metadata: {
        name: `svc-${i}`,
        annotations: {
          'microsoft.com/defender-dockerhub-repository': `${benchOrg(i)}/svc`,
        },
      },
      relations: [{ type: 'ownedBy', targetRef: 'group:default/bench-team' }],
    }),
  ),
];

/**
 * The Findings tab's route for an entity with 2,000 open findings (first page, and a filtered
 * page), and the roll-up card's route for a group owning 200 components, each at 16 concurrent,
 * through the real plugin, router and database (SQLite in memory) after a real refresh from the
 * emulator. The catalog is the in-memory mock: the figures are the plugin's share.
 */
export async function findingsRouteBench(options: {
  emu: Emulator;
  caFile: string;
  emit: (figure: Record<string, unknown>) => void;
}) {
  const { emu, emit } = options;
  const scenario = benchScenario(COMPONENTS);
  scenario.azure!.healthDelaySeconds = 0;
  scenario.dockerHub!.orgs![0].repositories = [
    {
      name: 'svc',
      private: true,
      tags: ['1.0.0', '1.1.0', '1.2.0', 'latest'].map(name => ({
        name,
        findings: TAG_FINDINGS,
      })),
    },
  ];
  emu.clearFaults();
  emu.loadScenario(scenario);
  const backend = await startHealthTestBackend({
    emulator: { emu, caFile: options.caFile },
    subscriptions: [{ id: BENCH_SUBSCRIPTION, displayName: 'Bench' }],
    features: [catalogServiceMock.factory({ entities: catalog })],
  });
  try {
    await backend.health.refreshAll();
    const { port } = backend.server.address() as AddressInfo;
    const base = `http://localhost:${port}/api/defender-for-containers/entities`;
    const headers = { authorization: mockCredentials.user.header() };
    const routes = [
      [
        'findings, first page',
        `${base}/component/default/svc-0/defender/findings`,
      ],
      [
        'findings, filtered page',
        `${base}/component/default/svc-0/defender/findings?severity=Critical,High&fixable=true&q=openssl&sort=firstSeen&order=desc`,
      ],
      [
        `roll-up of a group owning ${COMPONENTS} components`,
        `${base}/group/default/bench-team/defender/rollup`,
      ],
    ] as const;
    const first = await fetch(routes[0][1], { headers }).then(r => r.json());
    console.log(
      `\nFindings and roll-up routes (plugin + router + SQLite in memory; in-memory catalog mock): svc-0 has ${first.counts?.total} stored open findings, ${first.counts?.fixable} fixable`,
    );
    console.log(
      'route                                        | n     p50 ms  p99 ms   req/s',
    );
    for (const [label, url] of routes) {
      await measureLatency({ url, headers, concurrency: 4, total: 300 });
      const run = await measureLatency({
        url,
        headers,
        concurrency: CONCURRENCY,
        total: 2_000,
      });
      const [p50, p99] = [
        percentile(run.samples, 50),
        percentile(run.samples, 99),
      ];
      emit({
        figure: `${label} p99 at ${CONCURRENCY} concurrent`,
        value: Number(p99.toFixed(1)),
        unit: 'ms',
        better: 'lower',
      });
      console.log(
        `${label.padEnd(44)} | ${String(run.samples.length).padStart(5)} ${p50
          .toFixed(1)
          .padStart(7)} ${p99.toFixed(1).padStart(7)} ${String(
          Math.round((run.samples.length / run.wallMs) * 1000),
        ).padStart(7)}`,
      );
    }
  } finally {
    await backend.stop();
  }
}
