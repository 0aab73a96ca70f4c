import type { Entity } from '@backstage/catalog-model';
import type {
  EntityRollupResponse,
  OwnerRollup,
  RestrictedConnector,
  RollupComponent,
  RollupConnector,
  SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  connectorIdOf,
  counts,
  ZERO,
} from '../../../__fixtures__/defenderResponses';

/** Roll-up answers as the backend gives them, for the card's and the owner view's tests. */

export function groupEntity(name: string, kind = 'Group'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: kind === 'Group' ? { type: 'team', children: [] } : { owner: name },
  };
}

export const TEAM = groupEntity('team-payments');
export const SYSTEM = groupEntity('payments', 'System');

export function rollupComponent(
  name: string,
  org: string,
  c: SeverityCounts,
  overrides: Partial<RollupComponent> = {},
): RollupComponent {
  return {
    entityRef: `component:default/${name}`,
    status: 'healthy',
    counts: c,
    fixable: Math.floor((c.critical + c.high) / 2),
    connectorIds: [connectorIdOf(org)],
    ...overrides,
  };
}

export function rollupConnector(
  org: string,
  overrides: Partial<RollupConnector> = {},
): RollupConnector {
  return {
    id: connectorIdOf(org),
    name: `dockerhub-${org}`,
    organization: org,
    status: 'healthy',
    message:
      'Defender for Cloud reads this Docker Hub organization without problems.',
    counts: counts(3, 11, 20, 33),
    fixable: 9,
    components: 2,
    portalUrl: `https://portal.azure.com/#@tenant/resource${connectorIdOf(
      org,
    )}`,
    ...overrides,
  };
}

export const RESTRICTED: RestrictedConnector = {
  status: 'notAllowed',
  organization: 'umbrella',
  message:
    'You may not see the Defender data of Docker Hub umbrella: it is shown to those who may read resource:default/defender-dockerhub-umbrella.',
};

/**
 * The group's own components, worst first as the backend orders them: neither alphabetical nor
 * by total, so a card that sorted again would show another order.
 */
export const OWN_COMPONENTS: RollupComponent[] = [
  rollupComponent('zeta-payments', 'acme', counts(3, 8, 15, 24), {
    title: 'Zeta payments',
  }),
  rollupComponent('legacy-billing', 'initech', counts(2, 1, 40, 50), {
    status: 'unhealthy',
  }),
  rollupComponent('checkout-web', 'acme', counts(0, 3, 5, 9)),
  rollupComponent('alpha-worker', 'acme', ZERO, { status: 'pending' }),
];

/** With `children=true`: a child group's component comes first, being worse than any. */
export const CHILD_COMPONENT = rollupComponent(
  'fraud-scoring',
  'acme',
  counts(5, 1, 0, 0),
  { title: 'Fraud scoring' },
);

export function rollupWith(
  overrides: Partial<EntityRollupResponse> = {},
): EntityRollupResponse {
  return {
    entityRef: 'group:default/team-payments',
    includesChildGroups: false,
    components: OWN_COMPONENTS,
    componentCount: 6,
    connectors: [
      rollupConnector('acme', { components: 3 }),
      rollupConnector('initech', {
        status: 'unhealthy',
        message: 'Docker Hub credentials are invalid',
        counts: counts(2, 1, 40, 50),
        fixable: 1,
        components: 1,
      }),
    ],
    notAllowed: [],
    totals: counts(5, 12, 60, 83),
    fixable: 10,
    refreshedAt: '2026-03-01T08:00:00.000Z',
    ...overrides,
  };
}

/** The group's roll-up; with `children`, its child group's component and a larger count. */
export function teamRollup(children?: boolean): EntityRollupResponse {
  return children
    ? rollupWith({
        includesChildGroups: true,
        components: [CHILD_COMPONENT, ...OWN_COMPONENTS],
        componentCount: 9,
        totals: counts(10, 13, 60, 83),
      })
    : rollupWith();
}

export function ownerRollup(
  owner: string | undefined,
  connectors: OwnerRollup['connectors'],
): OwnerRollup {
  const totals = connectors.reduce(
    (sum, c) => ({
      critical: sum.critical + c.totals.critical,
      high: sum.high + c.totals.high,
      medium: sum.medium + c.totals.medium,
      low: sum.low + c.totals.low,
    }),
    ZERO,
  );
  return { owner, connectors, totals };
}

export function ownerConnector(
  org: string,
  components: string[],
  overrides: Partial<OwnerRollup['connectors'][number]> = {},
): OwnerRollup['connectors'][number] {
  return {
    id: connectorIdOf(org),
    organization: org,
    status: 'healthy',
    totals: counts(3, 8, 15, 24),
    components,
    ...overrides,
  };
}

/** `n` component refs, `svc-01` to `svc-nn`. */
export const manyComponents = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `component:default/svc-${String(i + 1).padStart(2, '0')}`,
  );
