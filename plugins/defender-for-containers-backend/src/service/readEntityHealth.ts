import {
  ANNOTATION_CONNECTOR_ID,
  readConnectorId,
  type AllowedSubscription,
  type AzurePortal,
  type EntityConnector,
  type EntityDefenderResponse,
  type IgnoredAnnotation,
  type MissingConnector,
  type readDefenderAnnotations,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { dateOf } from '../store/connectorRows';
import type {
  HealthStore,
  SubscriptionRefreshState,
} from '../store/HealthStore';
import type { HealthConfig } from './readHealthConfig';
import { narrowingFor } from './entityConnectors';
import { toConnectorHealth } from './toConnectorViews';

/** What `readEntityHealth` reads from, besides the entity's annotations. */
export interface EntityHealthSources {
  store: HealthStore;
  subscriptions: AllowedSubscription[];
  portal?: AzurePortal;
  config: HealthConfig;
  now: Date;
  /** Data read from Azure before this is stale (ISO time). */
  staleBefore: string;
}

/**
 * Why an organization or connector id has no stored connector: Backstage has read nothing yet,
 * or it is not in the subscriptions read (some of which may have failed so far).
 */
function missingExplanation(
  subscriptions: AllowedSubscription[],
  states: SubscriptionRefreshState[],
): string {
  const stateOf = (id: string) =>
    states.find(s => s.subscriptionId === id.toLowerCase());
  if (!subscriptions.some(s => stateOf(s.id)?.lastSuccessAt)) {
    return 'is known yet: Backstage has not read Azure successfully so far (the first refresh runs shortly after the backend starts).';
  }
  const unread = subscriptions.filter(s => !stateOf(s.id)?.lastSuccessAt);
  return `in the subscriptions Backstage reads (${subscriptions
    .map(s => s.displayName)
    .join(
      ', ',
    )}). Onboard it with the template "Onboard a Docker Hub organization".${
    unread.length
      ? ` ${unread
          .map(s => s.displayName)
          .join(', ')} could not be read yet, so it may be there.`
      : ''
  }`;
}

/**
 * The entity card's answer for whoever may see every connector: three database reads, computed
 * from the entity's annotations alone, so it can be shared by every caller of the entity (who
 * sees which connector is decided per request, after it).
 */
export async function readEntityHealth(
  sources: EntityHealthSources,
  ref: string,
  reading: ReturnType<typeof readDefenderAnnotations>,
): Promise<EntityDefenderResponse> {
  const { store, subscriptions, config } = sources;
  const ignored: IgnoredAnnotation[] = [...reading.ignored];
  const allowed = new Set(subscriptions.map(s => s.id.toLowerCase()));
  const connectorIds = reading.connectorIds.filter(id => {
    const sub = readConnectorId(id)!.subscriptionId;
    if (allowed.has(sub.toLowerCase())) return true;
    ignored.push({
      annotation: ANNOTATION_CONNECTOR_ID,
      value: id,
      reason: `subscription ${sub} is not one Backstage reads (defenderForContainers.azure.subscriptions)`,
    });
    return false;
  });

  const [found, states] = await Promise.all([
    store.getConnectors({
      ids: connectorIds,
      organizations: reading.organizations,
    }),
    store.getSubscriptionStates(),
  ]);
  const stored = found.filter(c => allowed.has(c.subscriptionId.toLowerCase()));
  const since = dateOf(
    new Date(sources.now.getTime() - config.historyDays * 86_400_000),
  );
  const trendRows = await store.getTrend(
    stored.map(c => c.id),
    since,
  );

  const connectors: EntityConnector[] = stored.map(c => {
    return toConnectorHealth(
      c,
      subscriptions,
      trendRows,
      narrowingFor(c, reading),
      sources.portal,
      sources.staleBefore,
      sources.now,
    );
  });
  const missingWhy = missingExplanation(subscriptions, states);
  for (const organization of reading.organizations) {
    if (!stored.some(c => c.organization === organization)) {
      connectors.push({
        status: 'missing',
        organization,
        message: `No Defender connector for Docker Hub organization '${organization}' ${missingWhy}`,
      } satisfies MissingConnector);
    }
  }
  for (const id of connectorIds) {
    if (!stored.some(c => c.id.toLowerCase() === id.toLowerCase())) {
      connectors.push({
        status: 'missing',
        id,
        message: `No Defender connector with this id ${missingWhy}`,
      } satisfies MissingConnector);
    }
  }

  const successes = states
    .filter(s => allowed.has(s.subscriptionId))
    .map(s => s.lastSuccessAt)
    .filter((t): t is string => !!t)
    .sort();
  return {
    entityRef: ref,
    organizations: reading.organizations,
    repositories: reading.repositories,
    connectors,
    ignored,
    refreshedAt: successes[successes.length - 1],
  };
}
