import { readConnectorId } from '@defender-backstage/plugin-defender-for-containers-common';

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
 * Lenient: any segment without a `/` passes, e.g. a subscription that is not a GUID. This
 * package checks ids with `requireSecurityConnectorId` instead.
 * @public
 */
export function parseSecurityConnectorId(id: string): SecurityConnectorIdParts {
  const m = ID.exec(id);
  if (!m) {
    throw new TypeError(`'${id}' is not a security connector id`);
  }
  return { subscriptionId: m[1], resourceGroup: m[2], name: m[3] };
}

/**
 * Parses a connector id strictly, by the rules the entity annotations are read with
 * (`readConnectorId` of the common package): the subscription a GUID, the resource group and
 * the name in the characters ARM allows, the whole at most 512 characters, segment names in any
 * letter case. Throws `TypeError` on anything else, before any request is built from it.
 * @public
 */
export function requireSecurityConnectorId(
  id: string,
): SecurityConnectorIdParts {
  const parts = readConnectorId(id);
  if (!parts) {
    throw new TypeError(`'${id}' is not a security connector id`);
  }
  return parts;
}

/** ARM ids compare case-insensitively. @public */
export function sameArmId(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
