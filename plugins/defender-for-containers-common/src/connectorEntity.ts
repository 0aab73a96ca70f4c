/**
 * `spec.type` of the catalog Resource entity that represents a Docker Hub security connector.
 * @public
 */
export const CONNECTOR_ENTITY_TYPE = 'defender-connector';

/**
 * Azure tags the onboarding action writes on the connector so the catalog provider can restore
 * ownership from Azure alone (e.g. after the Backstage database is lost).
 * @public
 */
export const CONNECTOR_TAG_OWNER = 'backstage-owner';
/** @public */
export const CONNECTOR_TAG_SYSTEM = 'backstage-system';

/**
 * The catalog entity name of a Docker Hub organization's connector. Defender allows one connector
 * per Docker Hub organization, so the organization alone names it.
 * @public
 */
export function connectorEntityName(organization: string): string {
  return `defender-dockerhub-${organization.toLowerCase()}`;
}

/**
 * The full entity ref of a Docker Hub organization's connector, as onboarding outputs it and the
 * catalog provider produces it.
 * @public
 */
export function connectorEntityRef(organization: string): string {
  return `resource:default/${connectorEntityName(organization)}`;
}

/**
 * Events topic on which onboarding and offboarding announce a changed connector, so the catalog
 * provider refreshes at once instead of at its next scheduled run.
 * @public
 */
export const CONNECTORS_CHANGED_TOPIC = 'defender-for-containers.connectors';
