import type { SecurityConnector } from './DefenderArmClient';

/**
 * The Docker Hub organization a security connector scans (`hierarchyIdentifier`), or `undefined`
 * when it is not a Docker Hub connector. ARM's string casing varies between responses, so
 * `environmentName` is compared case-insensitively.
 * @public
 */
export function dockerHubOrganizationOf(
  connector: SecurityConnector,
): string | undefined {
  const { environmentName, hierarchyIdentifier } = connector.properties ?? {};
  return environmentName?.toLowerCase() === 'dockerhub'
    ? hierarchyIdentifier
    : undefined;
}

/**
 * Whether the connector is the Docker Hub connector of `organization` (Docker Hub names are
 * case-insensitive).
 * @public
 */
export function isDockerHubConnectorOf(
  connector: SecurityConnector,
  organization: string,
): boolean {
  return (
    dockerHubOrganizationOf(connector)?.toLowerCase() ===
    organization.toLowerCase()
  );
}

/**
 * What a connector is, for messages: e.g. `a AWS connector for '123456789012'`.
 * @public
 */
export function describeConnector(connector: SecurityConnector): string {
  return `a ${
    connector.properties?.environmentName ?? 'different'
  } connector for '${connector.properties?.hierarchyIdentifier ?? '?'}'`;
}
