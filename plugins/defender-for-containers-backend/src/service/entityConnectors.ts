import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  connectorEntityRef,
  type AllowedSubscription,
  type readDefenderAnnotations,
  type RestrictedConnector,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { HealthStore, StoredConnector } from '../store/HealthStore';
import type { ConnectorReadScope } from './ConnectorReadScope';

export type DefenderReading = ReturnType<typeof readDefenderAnnotations>;

/**
 * The repositories an entity's findings are narrowed to on `connector`: those it names in the
 * connector's organization, unless it also names the whole organization (then undefined: all).
 */
export function narrowingFor(
  connector: Pick<StoredConnector, 'organization'>,
  reading: DefenderReading,
): string[] | undefined {
  const named = reading.repositories.filter(r =>
    r.startsWith(`${connector.organization}/`),
  );
  return named.length > 0 &&
    !reading.namedOrganizations.includes(connector.organization)
    ? named
    : undefined;
}

/** The images of `connector` an entity covers: all, or those of the repositories it is narrowed to. */
export function narrowedImages(
  connector: Pick<StoredConnector, 'organization' | 'findings'>,
  reading: DefenderReading,
) {
  const narrowed = narrowingFor(connector, reading);
  return connector.findings.images.filter(
    img => !narrowed || narrowed.includes(img.repository),
  );
}

/** What a caller who may not see a connector's data is told instead (`health.readScope`). */
export function restrictedConnector(organization: string): RestrictedConnector {
  return {
    status: 'notAllowed',
    organization,
    message: `You may not see the Defender data of Docker Hub ${organization}: it is shown to those who may read ${connectorEntityRef(
      organization,
    )} in the catalog. Ask that Resource's owner for access.`,
  };
}

/** Of an entity's readings, the stored connectors they name in the allowed subscriptions. */
export async function storedConnectorsOf(
  store: HealthStore,
  subscriptions: AllowedSubscription[],
  readings: DefenderReading[],
): Promise<StoredConnector[]> {
  const allowed = new Set(subscriptions.map(s => s.id.toLowerCase()));
  const found = await store.getConnectors({
    ids: [...new Set(readings.flatMap(r => r.connectorIds))],
    organizations: [...new Set(readings.flatMap(r => r.organizations))],
  });
  return found.filter(c => allowed.has(c.subscriptionId.toLowerCase()));
}

/**
 * Looks up the connectors a reading names (by id or organization) among `stored`, in time that
 * grows with what the reading names, not with `stored`: a roll-up asks once per component.
 */
export function connectorIndex(
  stored: StoredConnector[],
): (reading: DefenderReading) => StoredConnector[] {
  const byId = new Map(stored.map(c => [c.id.toLowerCase(), c]));
  const byOrg = new Map<string, StoredConnector[]>();
  for (const c of stored) {
    const list = byOrg.get(c.organization) ?? [];
    list.push(c);
    byOrg.set(c.organization, list);
  }
  return reading => [
    ...new Set([
      ...reading.connectorIds.flatMap(id => byId.get(id.toLowerCase()) ?? []),
      ...reading.organizations.flatMap(org => byOrg.get(org) ?? []),
    ]),
  ];
}

/** `connectors` split into those the caller may see and one `notAllowed` per other organization. */
export async function splitByReadScope(
  connectors: StoredConnector[],
  readScope: ConnectorReadScope,
  credentials: BackstageCredentials,
): Promise<{ readable: StoredConnector[]; notAllowed: RestrictedConnector[] }> {
  const readableOrgs = await readScope.readable(
    connectors.map(c => c.organization.toLowerCase()),
    credentials,
  );
  const readable = connectors.filter(c =>
    readableOrgs.has(c.organization.toLowerCase()),
  );
  const hidden = [
    ...new Set(
      connectors
        .filter(c => !readableOrgs.has(c.organization.toLowerCase()))
        .map(c => c.organization.toLowerCase()),
    ),
  ];
  return { readable, notAllowed: hidden.map(restrictedConnector) };
}
