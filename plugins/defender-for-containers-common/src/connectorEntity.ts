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
 * The Docker Hub organization names the actions and templates accept: 2–255 lower-case letters,
 * digits, `-` or `_`, starting with a letter or digit.
 * @public
 */
export const DOCKER_HUB_ORGANIZATION_PATTERN = /^[a-z0-9][a-z0-9_-]{1,254}$/;

const ENTITY_NAME_PREFIX = 'defender-dockerhub-';
/** The catalog's rule for `metadata.name` (`KubernetesValidatorFunctions.isValidObjectName`). */
const ENTITY_NAME_MAX = 63;
const VALID_ENTITY_NAME = /^[a-z0-9]([-_.a-z0-9]*[a-z0-9])?$/;

/**
 * FNV-1a (32 bit) as 8 hex digits: deterministic and dependency-free, since this package also
 * runs in the browser. It only has to tell apart names that share their first characters.
 */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The catalog entity name of a Docker Hub organization's connector. Defender allows one connector
 * per Docker Hub organization, so the organization alone names it: `defender-dockerhub-<org>`.
 * Names the catalog would reject — longer than 63 characters (an organization may have 255),
 * ending in `-` or `_`, or with characters an entity name cannot have (an organization written
 * outside Backstage) — keep a readable prefix of the organization and end in a hash of all of
 * it, so the name stays unique and the same wherever it is computed.
 * @public
 */
export function connectorEntityName(organization: string): string {
  const org = organization.toLowerCase();
  const plain = `${ENTITY_NAME_PREFIX}${org}`;
  if (plain.length <= ENTITY_NAME_MAX && VALID_ENTITY_NAME.test(plain)) {
    return plain;
  }
  const hash = shortHash(org);
  const room = ENTITY_NAME_MAX - ENTITY_NAME_PREFIX.length - hash.length - 1;
  const readable = org
    .replace(/[^a-z0-9_.-]+/g, '-')
    .slice(0, room)
    .replace(/[-_.]+$/, '');
  return `${ENTITY_NAME_PREFIX}${readable ? `${readable}-` : ''}${hash}`;
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
