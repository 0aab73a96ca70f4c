import type { ReportedConnectorStatus } from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorSnapshot } from '../store/HealthStore';

/** A connector's snapshot without issues or findings data, for tests about who sees what when. */
export function bareSnapshot(
  subscriptionId: string,
  organization: string,
  reportedStatus: ReportedConnectorStatus = 'healthy',
): ConnectorSnapshot {
  const name = `dockerhub-${organization}`;
  return {
    id: `/subscriptions/${subscriptionId}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/${name}`,
    name,
    subscriptionId,
    resourceGroup: 'rg',
    organization,
    offerings: [],
    reportedStatus,
    issues: [],
    plans: { defenderForContainers: 'on', defenderCspm: 'on' },
    findings: { images: [], worst: [] },
  };
}
