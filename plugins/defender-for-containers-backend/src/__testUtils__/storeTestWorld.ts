import type { ConnectorSnapshot } from '../store/HealthStore';

/** The store tests' world: two subscriptions and two days. */
export const SUB = '00000000-0000-0000-0000-0000000000e1';
export const OTHER = '00000000-0000-0000-0000-0000000000e2';
export const idOf = (name: string, sub = SUB) =>
  `/subscriptions/${sub}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/${name}`;
export const at = (iso: string) => new Date(iso);
export const DAY1 = at('2026-03-01T10:00:00.000Z');
export const DAY2 = at('2026-03-02T10:00:00.000Z');

/** An organization's connector in SUB: findings in two repositories, one worst finding. */
export function snapshot(
  org: string,
  overrides: Partial<ConnectorSnapshot> = {},
): ConnectorSnapshot {
  return {
    id: idOf(`dockerhub-${org}`, overrides.subscriptionId),
    name: `dockerhub-${org}`,
    subscriptionId: SUB,
    resourceGroup: 'rg',
    location: 'westeurope',
    organization: org,
    scanIntervalHours: 24,
    offerings: ['DefenderForContainersDockerHub'],
    reportedStatus: 'healthy',
    issues: [],
    lastScannedAt: '2026-03-01T07:00:00.000Z',
    plans: { defenderForContainers: 'on', defenderCspm: 'off' },
    findings: {
      images: [
        {
          image: `${org}/api:1`,
          repository: `${org}/api`,
          counts: { critical: 1, high: 2, medium: 0, low: 0 },
        },
        {
          image: `${org}/web:1`,
          repository: `${org}/web`,
          counts: { critical: 0, high: 0, medium: 4, low: 1 },
        },
      ],
      worst: [
        {
          title: 'openssl: CVE-2026-0001',
          severity: 'Critical',
          cves: ['CVE-2026-0001'],
          fixedVersion: '3.0.1',
          images: [`${org}/api:1`],
        },
      ],
    },
    ...overrides,
  };
}
