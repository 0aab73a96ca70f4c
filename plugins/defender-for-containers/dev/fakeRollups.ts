import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityRollupResponse,
  OwnerRollupResponse,
  RollupComponent,
  RollupConnector,
  SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { connectorIdOf, counts } from '../src/__fixtures__/defenderResponses';

/**
 * The dev app's roll-ups: group `team-payments` owns five components across two connectors,
 * `acme` (healthy) and `initech` (unhealthy: its Docker Hub token was revoked); with child groups,
 * `team-risk`'s two components join. System `payments` is three of them. Every number adds up:
 * a connector's counts are the sum of its components' (no image is shared here), and so are the
 * totals.
 */

const portalUrl = (org: string) =>
  `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${connectorIdOf(
    org,
  )}`;

const component = (
  name: string,
  title: string,
  org: 'acme' | 'initech',
  c: SeverityCounts,
  fixable: number,
): RollupComponent => ({
  entityRef: `component:default/${name}`,
  title,
  status: org === 'initech' ? 'unhealthy' : 'healthy',
  counts: c,
  fixable,
  connectorIds: [connectorIdOf(org)],
});

/** Worst first, as the backend orders them (critical, high, medium, low, then status). */
const TEAM_COMPONENTS = [
  component('payments-api', 'Payments API', 'acme', counts(3, 8, 15, 24), 21),
  component(
    'legacy-billing',
    'Legacy billing',
    'initech',
    counts(2, 6, 11, 30),
    12,
  ),
  component('checkout-web', 'Checkout web', 'acme', counts(1, 4, 9, 12), 9),
  component(
    'invoice-worker',
    'Invoice worker',
    'initech',
    counts(0, 2, 7, 5),
    4,
  ),
  component('payments-docs', 'Payments docs', 'acme', counts(0, 0, 1, 3), 0),
];

const CHILD_COMPONENTS = [
  component('fraud-scoring', 'Fraud scoring', 'acme', counts(4, 2, 3, 6), 8),
  component('risk-rules', 'Risk rules', 'acme', counts(0, 1, 2, 2), 1),
];

const sum = (items: Array<{ counts: SeverityCounts }>): SeverityCounts =>
  items.reduce(
    (s, { counts: c }) =>
      counts(
        s.critical + c.critical,
        s.high + c.high,
        s.medium + c.medium,
        s.low + c.low,
      ),
    counts(0, 0, 0, 0),
  );

function connector(
  org: 'acme' | 'initech',
  of: RollupComponent[],
): RollupConnector {
  const mine = of.filter(c => c.connectorIds.includes(connectorIdOf(org)));
  return {
    id: connectorIdOf(org),
    name: `dockerhub-${org}`,
    organization: org,
    status: org === 'initech' ? 'unhealthy' : 'healthy',
    message:
      org === 'initech'
        ? 'Defender for Cloud cannot read this Docker Hub organization: the access token was revoked. Rotate it.'
        : 'Defender for Cloud reads this Docker Hub organization without problems.',
    counts: sum(mine),
    fixable: mine.reduce((n, c) => n + c.fixable, 0),
    components: mine.length,
    portalUrl: portalUrl(org),
  };
}

function rollupOf(
  entityRef: string,
  components: RollupComponent[],
  componentCount: number,
  includesChildGroups: boolean,
): EntityRollupResponse {
  const orgs = (['acme', 'initech'] as const).filter(org =>
    components.some(c => c.connectorIds.includes(connectorIdOf(org))),
  );
  return {
    entityRef,
    includesChildGroups,
    components,
    componentCount,
    connectors: orgs.map(org => connector(org, components)),
    notAllowed: [],
    totals: sum(components),
    fixable: components.reduce((n, c) => n + c.fixable, 0),
    refreshedAt: new Date(Date.now() - 20 * 60_000).toISOString(),
  };
}

/** Worst first again once a child group's components join. */
const worstFirst = (items: RollupComponent[]) =>
  [...items].sort(
    (a, b) =>
      b.counts.critical - a.counts.critical ||
      b.counts.high - a.counts.high ||
      b.counts.medium - a.counts.medium ||
      b.counts.low - a.counts.low,
  );

/** Any group answers as `team-payments`, any system as `payments`; other kinds as the backend (400). */
export async function fakeEntityRollup(
  ref: CompoundEntityRef,
  options: { children?: boolean } = {},
): Promise<EntityRollupResponse> {
  const entityRef = `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase();
  if (ref.kind.toLowerCase() === 'system') {
    return rollupOf(entityRef, TEAM_COMPONENTS.slice(0, 3), 4, false);
  }
  if (ref.kind.toLowerCase() !== 'group') {
    throw new Error('The roll-up is for groups and systems only (HTTP 400)');
  }
  // Two of the group's components name no Docker Hub organization or repository (docs, a library).
  return options.children
    ? rollupOf(
        entityRef,
        worstFirst([...TEAM_COMPONENTS, ...CHILD_COMPONENTS]),
        10,
        true,
      )
    : rollupOf(entityRef, TEAM_COMPONENTS, 7, false);
}

const refs = (items: RollupComponent[]) => items.map(c => c.entityRef);

/** Two owning groups, one of them with many components on one connector, and an untagged connector. */
export async function fakeOwnerRollup(): Promise<OwnerRollupResponse> {
  const acme = connector('acme', TEAM_COMPONENTS);
  const initech = connector('initech', TEAM_COMPONENTS);
  const platform = Array.from(
    { length: 14 },
    (_, i) =>
      `component:default/platform-svc-${String(i + 1).padStart(2, '0')}`,
  );
  const umbrellaTotals = counts(0, 3, 12, 40);
  const globexTotals = counts(0, 0, 0, 0);
  return {
    items: [
      {
        owner: 'group:default/team-payments',
        connectors: [
          {
            id: acme.id,
            organization: 'acme',
            status: 'healthy',
            totals: acme.counts,
            components: refs(
              TEAM_COMPONENTS.filter(c => c.connectorIds.includes(acme.id)),
            ),
          },
          {
            id: initech.id,
            organization: 'initech',
            status: 'unhealthy',
            totals: initech.counts,
            components: refs(
              TEAM_COMPONENTS.filter(c => c.connectorIds.includes(initech.id)),
            ),
          },
        ],
        totals: sum([acme, initech]),
      },
      {
        owner: 'group:default/team-platform',
        connectors: [
          {
            id: connectorIdOf('umbrella'),
            organization: 'umbrella',
            status: 'stale',
            totals: umbrellaTotals,
            components: platform,
          },
        ],
        totals: umbrellaTotals,
      },
      {
        connectors: [
          {
            id: connectorIdOf('globex'),
            organization: 'globex',
            status: 'pending',
            totals: globexTotals,
            components: [],
          },
        ],
        totals: globexTotals,
      },
    ],
  };
}
