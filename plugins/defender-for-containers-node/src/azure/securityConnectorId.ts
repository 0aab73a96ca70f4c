/**
 * The parts of a security connector's ARM id.
 * @public
 */
export interface SecurityConnectorIdParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

const ID =
  /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Security\/securityConnectors\/([^/]+)$/i;

/** @public */
export function formatSecurityConnectorId(parts: SecurityConnectorIdParts) {
  return `/subscriptions/${parts.subscriptionId}/resourceGroups/${parts.resourceGroup}/providers/Microsoft.Security/securityConnectors/${parts.name}`;
}

/**
 * Parses a connector id (ARM may return lower-case segment names); throws on anything else.
 * @public
 */
export function parseSecurityConnectorId(id: string): SecurityConnectorIdParts {
  const m = ID.exec(id);
  if (!m) {
    throw new TypeError(`'${id}' is not a security connector id`);
  }
  return { subscriptionId: m[1], resourceGroup: m[2], name: m[3] };
}

/** ARM ids compare case-insensitively. @public */
export function sameArmId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
