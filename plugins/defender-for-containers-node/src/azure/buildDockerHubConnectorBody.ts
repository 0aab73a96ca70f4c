import type { SecurityConnectorPutBody } from './DefenderArmClient';

/**
 * Plans of a Docker Hub connector. Foundational CSPM (`CspmMonitorDockerHub`) is always included.
 * @public
 */
export interface DockerHubConnectorPlans {
  defenderForContainers: boolean;
  defenderCspm: boolean;
}

/**
 * Offering types for the chosen plans, in a stable order.
 * @public
 */
export function dockerHubOfferings(plans: DockerHubConnectorPlans): string[] {
  return [
    'CspmMonitorDockerHub',
    ...(plans.defenderForContainers ? ['DefenderForContainersDockerHub'] : []),
    ...(plans.defenderCspm ? ['DefenderCspmDockerHub'] : []),
  ];
}

/**
 * The PUT body of a Docker Hub connector, after `DockerHubEnvironmentData` of
 * https://github.com/Azure/azure-rest-api-specs/blob/main/specification/security/resource-manager/Microsoft.Security/preview/2024-08-01-preview/securityConnectors.json
 * (Microsoft publishes no Docker Hub example): the organization is the
 * `hierarchyIdentifier`, the dedicated user and its token the `AccessToken` authentication.
 * @public
 */
export function buildDockerHubConnectorBody(spec: {
  organization: string;
  username: string;
  accessToken: string;
  location: string;
  scanIntervalHours: number;
  plans: DockerHubConnectorPlans;
  tags?: Record<string, string>;
  etag?: string;
}): SecurityConnectorPutBody {
  return {
    location: spec.location,
    ...(spec.etag ? { etag: spec.etag } : {}),
    tags: spec.tags ?? {},
    properties: {
      hierarchyIdentifier: spec.organization,
      environmentName: 'DockerHub',
      environmentData: {
        environmentType: 'DockerHubOrganization',
        authentication: {
          authenticationType: 'AccessToken',
          username: spec.username,
          accessToken: spec.accessToken,
        },
        scanInterval: spec.scanIntervalHours,
      },
      offerings: dockerHubOfferings(spec.plans).map(offeringType => ({
        offeringType,
      })),
    },
  };
}
