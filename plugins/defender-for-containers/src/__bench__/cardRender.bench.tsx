// Run by bench/frontendBench.mjs (not by `yarn test`: the name does not end in .test.tsx).
// Test-only imports, like a test file's: the lint rule only knows tests by their name.
/* eslint-disable @backstage/no-undeclared-imports */
// Times the entity card from render to all sections on screen, in jsdom, with a large answer.
import { appendFileSync } from 'node:fs';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { ConnectorHealth } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef, type DefenderApi } from '../api/DefenderApi';
import { COLLAPSE_AFTER } from '../components/DefenderCard/DefenderCard';
import { EntityDefenderCard } from '../components/DefenderCard/EntityDefenderCard';
import {
  componentEntity,
  counts,
  healthyConnector,
  responseWith,
  unhealthyConnector,
} from '../__fixtures__/defenderResponses';

const CONNECTORS = 50;
const REPOSITORIES_PER_CONNECTOR = 10; // 500 in all
const RUNS = 5;

jest.setTimeout(300_000);

function bigConnector(i: number): ConnectorHealth {
  const org = `org${String(i).padStart(2, '0')}`;
  const base = i % 5 === 0 ? unhealthyConnector(org) : healthyConnector(org);
  const repositories = Array.from(
    { length: REPOSITORIES_PER_CONNECTOR },
    (_, r) => ({
      repository: `${org}/service-${r}`,
      images: 2,
      counts: counts(r % 3, r % 5, (r % 7) + 1, r + 2),
    }),
  );
  return {
    ...base,
    findings: {
      totals: counts(10, 20, 40, 80),
      repositories,
      images: repositories.flatMap(r => [
        {
          image: `${r.repository}:1.0.0`,
          repository: r.repository,
          counts: r.counts,
        },
        {
          image: `${r.repository}:1.1.0`,
          repository: r.repository,
          counts: r.counts,
        },
      ]),
      worst: Array.from({ length: 10 }, (_, w) => ({
        title: `lib${w}: CVE-2026-${1000 + w}`,
        severity: w < 3 ? ('Critical' as const) : ('High' as const),
        cves: [`CVE-2026-${1000 + w}`],
        fixedVersion: `1.${w}.0`,
        images: [`${org}/service-${w}:1.0.0`],
      })),
    },
    trend: Array.from({ length: 30 }, (_, d) => ({
      date: `2026-02-${String(d + 1).padStart(2, '0')}`,
      status: d % 7 === 0 ? ('unhealthy' as const) : ('healthy' as const),
      counts: counts(10 - (d % 4), 20, 40, 80 - d),
    })),
  };
}

const response = responseWith(
  Array.from({ length: CONNECTORS }, (_, i) => bigConnector(i)),
);
const api = {
  listAllowedSubscriptions: async () => [],
  getEntityDefender: async () => response,
  listConnectors: async () => ({
    items: [],
    totalCount: 0,
    limit: 20,
    offset: 0,
  }),
  listConnectorOwners: async () => [],
  refreshConnector: async () => ({ id: '', requestedAt: '' }),
  getEntityFindings: async () => {
    throw new Error('not used by the card');
  },
  getEntityRollup: async () => {
    throw new Error('not used by the card');
  },
  getOwnerRollup: async () => ({ items: [] }),
} as DefenderApi;

const ENTITY = componentEntity('big', {
  'microsoft.com/defender-dockerhub-organization': 'org00',
});
const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * One render in a fresh test app: how long until `ready` shows, and (when `expand`) how long the
 * first connector's details then take to open. The test app's own start-up is measured alone
 * (`element` a bare span) and subtracted, so the figure is the card's.
 */
async function renderOnce(
  element: JSX.Element,
  ready: () => Promise<unknown>,
  expand = false,
): Promise<{ render: number; expand?: number }> {
  const started = performance.now();
  renderInTestApp(<EntityProvider entity={ENTITY}>{element}</EntityProvider>, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [[defenderApiRef, api], mockApis.permission()],
  });
  await ready();
  const render = performance.now() - started;
  let expandTime: number | undefined;
  if (expand) {
    expect(document.querySelectorAll('section[data-connector]')).toHaveLength(
      CONNECTORS,
    );
    const opened = performance.now();
    fireEvent.click(
      document.querySelector('[aria-label="Details of Docker Hub org00"]')!,
    );
    await waitFor(
      () =>
        expect(
          document.querySelector('table[aria-label="Worst findings"]'),
        ).not.toBeNull(),
      { interval: 5 },
    );
    expandTime = performance.now() - opened;
  }
  cleanup();
  return { render, expand: expandTime };
}

const card = () =>
  renderOnce(
    <EntityDefenderCard />,
    // plain DOM lookups: Testing Library's role queries on a large DOM would cost more than
    // the render they wait for
    () =>
      waitFor(
        () =>
          expect(
            document.querySelector(`[data-connector="org${CONNECTORS - 1}"]`),
          ).not.toBeNull(),
        { timeout: 120_000, interval: 5 },
      ),
    true,
  );
const bareApp = () =>
  renderOnce(<span id="ready">ready</span>, () =>
    waitFor(() => expect(document.getElementById('ready')).not.toBeNull(), {
      interval: 5,
    }),
  );

// eslint-disable-next-line jest/expect-expect -- a benchmark harness; renderOnce checks each render
it(`renders the card with ${CONNECTORS} connectors and ${
  CONNECTORS * REPOSITORIES_PER_CONNECTOR
} repositories`, async () => {
  await card(); // warm-up: module loading, JIT
  await bareApp();
  const app: number[] = [];
  const cards: number[] = [];
  const expands: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    app.push((await bareApp()).render);
    const run = await card();
    cards.push(run.render);
    expands.push(run.expand!);
  }
  const cardOnly = Math.max(0, median(cards) - median(app));
  const ms = (xs: number[]) => xs.map(t => t.toFixed(0)).join(', ');
  process.stdout.write(
    [
      `card render, ${CONNECTORS} connectors / ${
        CONNECTORS * REPOSITORIES_PER_CONNECTOR
      } repositories (more than ${COLLAPSE_AFTER} connectors: one line each), jsdom, median of ${RUNS}:`,
      `  test app + card ${median(cards).toFixed(0)} ms (${ms(cards)})`,
      `  test app alone  ${median(app).toFixed(0)} ms (${ms(app)})`,
      `  card            ${cardOnly.toFixed(0)} ms`,
      `  opening one connector (its ${REPOSITORIES_PER_CONNECTOR} repositories, 10 worst findings, 30-day trend): ${median(
        expands,
      ).toFixed(0)} ms (${ms(expands)})`,
      '',
    ].join('\n'),
  );
  if (process.env.BENCH_JSON) {
    for (const [figure, value] of [
      [
        `card render, ${CONNECTORS} connectors / ${
          CONNECTORS * REPOSITORIES_PER_CONNECTOR
        } repositories (jsdom, median)`,
        cardOnly,
      ],
      ['card: opening one connector (jsdom, median)', median(expands)],
    ] as const) {
      appendFileSync(
        process.env.BENCH_JSON,
        `${JSON.stringify({
          bench: 'frontend',
          figure,
          value: Math.round(value),
          unit: 'ms',
          better: 'lower',
        })}\n`,
      );
    }
  }
});
