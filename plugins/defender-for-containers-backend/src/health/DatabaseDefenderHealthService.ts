import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CONNECTOR_ID,
  readConnectorId,
  readDefenderAnnotations,
  type AllowedSubscription,
  connectorEntityRef,
  type AzurePortal,
  type ConnectorHealth,
  type ConnectorListResponse,
  type ConnectorOwnersResponse,
  type EntityConnector,
  type EntityDefenderResponse,
  type IgnoredAnnotation,
  type MissingConnector,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  ConnectorListQuery,
  ConnectorRefreshRequest,
  DefenderHealthService,
} from './DefenderHealthService';
import type { HealthRefresher, RefreshSummary } from './HealthRefresher';
import type { HealthStore, SubscriptionRefreshState } from './HealthStore';
import type { EntityHealthCache } from './EntityHealthCache';
import type { HealthConfig } from './readHealthConfig';
import type { ConnectorReadScope } from './ConnectorReadScope';
import { toConnectorHealth, toConnectorOverview } from './toConnectorViews';

/**
 * `DefenderHealthService` on the plugin's database. Page views read the store only; Azure is
 * called by the scheduled refresh and by on-demand refreshes (rate-limited per connector).
 */
export class DatabaseDefenderHealthService implements DefenderHealthService {
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      store: HealthStore;
      refresher: HealthRefresher;
      catalog: CatalogService;
      subscriptions: AllowedSubscription[];
      /** Where connector links open (the cloud's portal, the tenant). */
      portal?: AzurePortal;
      config: HealthConfig;
      logger: LoggerService;
      /** Answers of the entity route for a few seconds; cleared by this replica's writes. */
      cache?: EntityHealthCache;
      /** Whose connectors a caller may see (`health.readScope`). */
      readScope: ConnectorReadScope;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async getEntityHealth(
    entityRef: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityDefenderResponse> {
    const ref = stringifyEntityRef(entityRef);
    // As the caller: an entity they may not read is indistinguishable from one that is absent.
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) throw new NotFoundError(`Entity ${ref} not found`);
    return this.restrict(
      await this.entityHealth(ref, readDefenderAnnotations(entity)),
      credentials,
    );
  }

  /**
   * The answer with every connector the caller may not see replaced by a `notAllowed` entry that
   * says nothing but why (one per organization). Per request: the cache holds unrestricted
   * answers, shared by every caller of the entity.
   */
  private async restrict(
    response: EntityDefenderResponse,
    credentials: BackstageCredentials,
  ): Promise<EntityDefenderResponse> {
    const shown = response.connectors.filter(
      (c): c is ConnectorHealth =>
        c.status !== 'missing' && c.status !== 'notAllowed',
    );
    const readable = await this.options.readScope.readable(
      shown.map(c => c.organization.toLowerCase()),
      credentials,
    );
    if (shown.every(c => readable.has(c.organization.toLowerCase()))) {
      return response;
    }
    const restricted = new Set<string>();
    const connectors: EntityConnector[] = [];
    for (const c of response.connectors) {
      if (
        c.status === 'missing' ||
        c.status === 'notAllowed' ||
        readable.has(c.organization.toLowerCase())
      ) {
        connectors.push(c);
      } else if (!restricted.has(c.organization.toLowerCase())) {
        restricted.add(c.organization.toLowerCase());
        connectors.push({
          status: 'notAllowed',
          organization: c.organization,
          message: `You may not see the Defender data of Docker Hub ${
            c.organization
          }: it is shown to those who may read ${connectorEntityRef(
            c.organization,
          )} in the catalog. Ask that Resource's owner for access.`,
        });
      }
    }
    return { ...response, connectors };
  }

  private async entityHealth(
    ref: string,
    reading: ReturnType<typeof readDefenderAnnotations>,
  ): Promise<EntityDefenderResponse> {
    const { store, subscriptions, config, cache } = this.options;
    // Keyed by what the answer is computed from; who may see which connector is decided per
    // request, after the cache.
    const key = `${ref}\n${JSON.stringify(reading)}`;
    const cached = cache?.get(key);
    if (cached) return cached;
    const generation = cache?.generation ?? 0;
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
    const stored = found.filter(c =>
      allowed.has(c.subscriptionId.toLowerCase()),
    );
    const since = new Date(
      this.now().getTime() - config.historyDays * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    const trendRows = await store.getTrend(
      stored.map(c => c.id),
      since,
    );

    const connectors: EntityConnector[] = stored.map(c => {
      const named = reading.repositories.filter(r =>
        r.startsWith(`${c.organization}/`),
      );
      // Repositories narrow findings unless the entity also names their whole organization.
      const narrow =
        named.length > 0 &&
        !reading.namedOrganizations.includes(c.organization);
      return toConnectorHealth(
        c,
        subscriptions,
        trendRows,
        narrow ? named : undefined,
        this.options.portal,
        this.staleBefore(),
      );
    });
    const missingWhy = this.missingExplanation(states);
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
    const response: EntityDefenderResponse = {
      entityRef: ref,
      organizations: reading.organizations,
      repositories: reading.repositories,
      connectors,
      ignored,
      refreshedAt: successes[successes.length - 1],
    };
    cache?.set(key, response, generation);
    return response;
  }

  async listConnectors(
    query: ConnectorListQuery,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<ConnectorListResponse> {
    const { store, subscriptions, readScope } = this.options;
    const staleBefore = this.staleBefore();
    const { items, totalCount } = await store.listConnectors(
      {
        subscriptionIds: subscriptions.map(s => s.id),
        organizations: await readScope.everyReadable(credentials),
        staleBefore,
        status: query.status,
        organization: query.organization,
        subscriptionId: query.subscriptionId,
        text: query.text,
        owner: query.owner,
      },
      { limit: query.limit, offset: query.offset },
      { sort: query.sort ?? 'organization', order: query.order ?? 'asc' },
    );
    return {
      items: items.map(c =>
        toConnectorOverview(c, subscriptions, this.options.portal, staleBefore),
      ),
      totalCount,
      limit: query.limit,
      offset: query.offset,
    };
  }

  /** Data read from Azure before this is stale, whatever its last refresh said. */
  private staleBefore(): string {
    return new Date(
      this.now().getTime() - this.options.config.staleAfterMs,
    ).toISOString();
  }

  async listConnectorOwners({
    credentials,
  }: {
    credentials: BackstageCredentials;
  }): Promise<ConnectorOwnersResponse> {
    const { store, subscriptions, readScope } = this.options;
    return {
      items: await store.listOwners(
        subscriptions.map(s => s.id),
        await readScope.everyReadable(credentials),
      ),
    };
  }

  async requestConnectorRefresh(
    connectorId: string,
  ): Promise<ConnectorRefreshRequest> {
    const { store, refresher, subscriptions, config, logger } = this.options;
    const parts = readConnectorId(connectorId);
    const allowed =
      parts &&
      subscriptions.some(
        s => s.id.toLowerCase() === parts.subscriptionId.toLowerCase(),
      );
    // Only a connector Backstage already read from Azure: the id we use is the stored one.
    const [stored] = allowed
      ? await store.getConnectors({ ids: [connectorId] })
      : [];
    if (!stored) {
      throw new NotFoundError(
        'No Docker Hub connector with this id in the subscriptions Backstage reads; a new connector appears after the next scheduled refresh',
      );
    }
    const at = this.now();
    const claim = await store.claimRefresh(
      stored.id,
      at,
      config.manualRefreshIntervalSeconds * 1000,
    );
    if (!claim.claimed) {
      if ('unknown' in claim) {
        throw new NotFoundError('The connector was removed meanwhile');
      }
      return { accepted: false, retryAfterSeconds: claim.retryAfterSeconds };
    }
    void refresher
      .refreshConnector(stored.id)
      .catch(e =>
        logger.warn(`On-demand refresh of ${stored.id} failed: ${e}`),
      );
    return {
      accepted: true,
      response: { id: stored.id, requestedAt: at.toISOString() },
    };
  }

  refreshAll(options?: { signal?: AbortSignal }): Promise<RefreshSummary> {
    return this.options.refresher.refreshAll(options?.signal);
  }

  private missingExplanation(states: SubscriptionRefreshState[]): string {
    const { subscriptions } = this.options;
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
}

/** Every answer names the config to set, until `defenderForContainers` is configured. */
export class UnconfiguredDefenderHealthService
  implements DefenderHealthService
{
  constructor(private readonly message: string) {}
  private fail(): never {
    throw new ServiceUnavailableError(this.message);
  }
  async getEntityHealth(): Promise<EntityDefenderResponse> {
    return this.fail();
  }
  async listConnectors(): Promise<ConnectorListResponse> {
    return this.fail();
  }
  async listConnectorOwners(): Promise<ConnectorOwnersResponse> {
    return this.fail();
  }
  async requestConnectorRefresh(): Promise<ConnectorRefreshRequest> {
    return this.fail();
  }
  async refreshAll(): Promise<RefreshSummary> {
    return this.fail();
  }
}
