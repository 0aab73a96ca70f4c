import {
  CONNECTOR_TAG_OWNER,
  CONNECTOR_TAG_TOKEN_EXPIRES,
  connectorOwnerRef,
  parseTokenExpiresOn,
  type PlanState,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  parseSecurityConnectorId,
  type DefenderPricing,
  type HealthReport,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { ConnectorFindings } from './collectFindings';
import type { ConnectorSnapshot } from '../store/HealthStore';
import { healthFromReports } from './healthFromReports';

export function planState(pricing: DefenderPricing | undefined): PlanState {
  if (pricing?.pricingTier === 'Standard') return 'on';
  if (pricing?.pricingTier === 'Free') return 'off';
  return 'unknown';
}

/**
 * The stored view of a connector, picked field by field: the connector's authentication (user
 * name, and a token should ARM ever echo one) is never copied.
 */
export function buildConnectorSnapshot(input: {
  connector: SecurityConnector;
  organization: string;
  reports: HealthReport[];
  pricings: { containers: DefenderPricing; cspm: DefenderPricing };
  findings?: ConnectorFindings;
}): ConnectorSnapshot {
  const { connector, organization, reports, pricings, findings } = input;
  const { subscriptionId, resourceGroup } = parseSecurityConnectorId(
    connector.id,
  );
  const scanInterval = connector.properties?.environmentData?.scanInterval;
  const trialEnd = connector.properties?.hierarchyIdentifierTrialEndDate;
  return {
    id: connector.id,
    name: connector.name,
    subscriptionId,
    resourceGroup,
    location: connector.location,
    organization: organization.toLowerCase(),
    owner: connectorOwnerRef(connector.tags?.[CONNECTOR_TAG_OWNER]),
    tokenExpiresOn: parseTokenExpiresOn(
      connector.tags?.[CONNECTOR_TAG_TOKEN_EXPIRES],
    ),
    scanIntervalHours:
      typeof scanInterval === 'number' ? scanInterval : undefined,
    trialEndsAt: typeof trialEnd === 'string' ? trialEnd : undefined,
    offerings: (connector.properties?.offerings ?? [])
      .map(o => String(o.offeringType))
      .slice(0, 20),
    ...healthFromReports(reports),
    plans: {
      defenderForContainers: planState(pricings.containers),
      defenderCspm: planState(pricings.cspm),
    },
    ...createdAt(connector),
    findings: findings ?? { images: [], worst: [], reported: false },
  };
}

/** When Azure created the connector (`systemData.createdAt`), if it says. */
function createdAt(connector: SecurityConnector): { createdAt?: string } {
  const value = connector.systemData?.createdAt;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? {} : { createdAt: new Date(time).toISOString() };
}
