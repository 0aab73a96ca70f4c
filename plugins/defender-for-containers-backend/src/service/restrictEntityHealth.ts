import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  isConnectorHealth,
  type EntityConnector,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorReadScope } from './ConnectorReadScope';
import { restrictedConnector } from './entityConnectors';

/**
 * The card's answer with every connector the caller may not see replaced by a `notAllowed` entry
 * that says nothing but why (one per organization). Per request: the cache holds unrestricted
 * answers, shared by every caller of the entity.
 */
export async function restrictEntityHealth(
  response: EntityDefenderResponse,
  readScope: ConnectorReadScope,
  credentials: BackstageCredentials,
): Promise<EntityDefenderResponse> {
  const shown = response.connectors.filter(isConnectorHealth);
  const readable = await readScope.readable(
    shown.map(c => c.organization.toLowerCase()),
    credentials,
  );
  const restricted = new Set<string>();
  const connectors: EntityConnector[] = [];
  for (const c of response.connectors) {
    const org = isConnectorHealth(c) ? c.organization.toLowerCase() : '';
    if (!isConnectorHealth(c) || readable.has(org)) {
      connectors.push(c);
    } else if (!restricted.has(org)) {
      restricted.add(org);
      connectors.push(restrictedConnector(c.organization));
    }
  }
  return restricted.size ? { ...response, connectors } : response;
}
