import type { Entity } from '@backstage/catalog-model';
import type {
  ConnectorHealth,
  EntityDefenderResponse,
  MissingConnector,
  SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';

export const SUBSCRIPTION = 'aaaaaaaa-0000-0000-0000-000000000001';
export const connectorIdOf = (org: string) =>
  `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-defender-connectors/providers/Microsoft.Security/securityConnectors/dockerhub-${org}`;

export const counts = (
  critical: number,
  high: number,
  medium: number,
  low: number,
): SeverityCounts => ({ critical, high, medium, low });

export const ZERO = counts(0, 0, 0, 0);

export function componentEntity(
  name: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: { type: 'service', owner: 'guests', lifecycle: 'production' },
  };
}

/** A healthy connector with findings in two repositories, as the backend answers it. */
export function healthyConnector(
  org = 'acme',
  overrides: Partial<ConnectorHealth> = {},
): ConnectorHealth {
  return {
    id: connectorIdOf(org),
    name: `dockerhub-${org}`,
    organization: org,
    subscriptionId: SUBSCRIPTION,
    subscriptionName: 'Contoso Production',
    resourceGroup: 'rg-defender-connectors',
    location: 'westeurope',
    status: 'healthy',
    reportedStatus: 'healthy',
    message:
      'Defender for Cloud reads this Docker Hub organization without problems.',
    issueCount: 0,
    issues: [],
    totals: counts(3, 8, 15, 24),
    lastScannedAt: '2026-03-01T07:00:00.000Z',
    refreshedAt: '2026-03-01T08:00:00.000Z',
    portalUrl: `https://portal.azure.com/#@tenant/resource${connectorIdOf(
      org,
    )}`,
    owner: 'group:default/guests',
    scanIntervalHours: 12,
    plans: {
      defenderForContainers: 'on',
      defenderCspm: 'on',
      offerings: ['CspmMonitorDockerHub', 'DefenderForContainersDockerHub'],
      warnings: [],
    },
    findings: {
      totals: counts(3, 8, 15, 24),
      repositories: [
        {
          repository: `${org}/payments-api`,
          images: 2,
          counts: counts(3, 8, 15, 24),
        },
      ],
      images: [
        {
          image: `${org}/payments-api:1.4.2`,
          repository: `${org}/payments-api`,
          counts: counts(1, 3, 7, 12),
        },
        {
          image: `${org}/payments-api:1.4.1`,
          repository: `${org}/payments-api`,
          counts: counts(2, 5, 8, 12),
        },
      ],
      worst: [
        {
          title: 'openssl: CVE-2026-0001',
          severity: 'Critical',
          cves: ['CVE-2026-0001'],
          fixedVersion: '3.0.14',
          images: [`${org}/payments-api:1.4.2`, `${org}/payments-api:1.4.1`],
        },
        {
          title: 'zlib: CVE-2026-0002',
          severity: 'High',
          cves: ['CVE-2026-0002'],
          images: [`${org}/payments-api:1.4.1`],
        },
      ],
      narrowedTo: [`${org}/payments-api`],
    },
    trend: [
      { date: '2026-02-27', status: 'unhealthy', counts: counts(4, 9, 15, 24) },
      { date: '2026-02-28', status: 'healthy', counts: counts(3, 9, 15, 24) },
      { date: '2026-03-01', status: 'healthy', counts: counts(3, 8, 15, 24) },
    ],
    ...overrides,
  };
}

export function unhealthyConnector(org = 'initech'): ConnectorHealth {
  return healthyConnector(org, {
    status: 'unhealthy',
    reportedStatus: 'unhealthy',
    message: 'Docker Hub credentials are invalid',
    issueCount: 2,
    issues: [
      {
        key: '11111111-1111-1111-1111-111111111111',
        title: 'Docker Hub credentials are invalid',
        description: 'The access token stored in the connector was revoked.',
        remediation:
          'Create a new Read-only personal access token for the dedicated user and run the rotate template.',
      },
      {
        key: '22222222-2222-2222-2222-222222222222',
        title: 'Some repositories could not be listed',
        description: 'Listing private repositories failed.',
        remediation: 'Invite the dedicated user to every repository as Editor.',
      },
    ],
  });
}

export function pendingConnector(org = 'acme'): ConnectorHealth {
  return healthyConnector(org, {
    status: 'pending',
    reportedStatus: 'pending',
    message:
      'The connector exists, but Defender for Cloud has not reported on it yet: first results arrive within about an hour of onboarding.',
    lastScannedAt: undefined,
    totals: ZERO,
    findings: { totals: ZERO, repositories: [], images: [], worst: [] },
    trend: [],
  });
}

export function missingOrganization(org = 'globex'): MissingConnector {
  return {
    status: 'missing',
    organization: org,
    message: `No Defender connector for Docker Hub organization '${org}' in the subscriptions Backstage reads (Contoso Production).`,
  };
}

export function responseWith(
  connectors: EntityDefenderResponse['connectors'],
  extra: Partial<EntityDefenderResponse> = {},
): EntityDefenderResponse {
  return {
    entityRef: 'component:default/payments-api',
    organizations: connectors.map(c => c.organization ?? 'x'),
    repositories: [],
    connectors,
    ignored: [],
    refreshedAt: '2026-03-01T08:00:00.000Z',
    ...extra,
  };
}
