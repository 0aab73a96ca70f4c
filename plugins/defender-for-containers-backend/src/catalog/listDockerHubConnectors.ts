import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  dockerHubOrganizationOf,
  parseSecurityConnectorId,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { ConnectorListing } from './DefenderConnectorEntityProvider';
import type { ConnectorRecord } from './connectorToEntity';

/** Lists the Docker Hub connectors of every allowed subscription, concurrently. */
export async function listDockerHubConnectors(options: {
  arm: DefenderArmClient;
  subscriptionIds: string[];
  logger: LoggerService;
}): Promise<ConnectorListing> {
  const { arm, subscriptionIds, logger } = options;
  const results = await Promise.allSettled(
    subscriptionIds.map(id => arm.listSecurityConnectors(id)),
  );
  const connectors: ConnectorRecord[] = [];
  const failedSubscriptions: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      failedSubscriptions.push(subscriptionIds[i]);
      logger.warn(
        `Could not list security connectors of subscription ${subscriptionIds[i]}: ${result.reason}`,
      );
      return;
    }
    for (const c of result.value) {
      const organization = dockerHubOrganizationOf(c);
      if (!organization) continue;
      const { subscriptionId, resourceGroup } = parseSecurityConnectorId(c.id);
      connectors.push({
        id: c.id,
        name: c.name,
        subscriptionId,
        resourceGroup,
        location: c.location,
        organization,
        tags: c.tags ?? {},
        scanIntervalHours: c.properties?.environmentData?.scanInterval,
        offerings: (c.properties?.offerings ?? []).map(o => o.offeringType),
      });
    }
  });
  return { connectors, failedSubscriptions };
}
