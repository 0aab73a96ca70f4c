import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  readConnectorId,
  readDefenderAnnotations,
  type AllowedSubscription,
  type AzurePortal,
  type ConnectorListResponse,
  type ConnectorOwnersResponse,
  type EntityDefenderResponse,
  type EntityFindingsResponse,
  type EntityRollupResponse,
  type OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { HealthRefresher } from '../refresh/HealthRefresher';
import type { RefreshSummary } from '../refresh/RefreshSummary';
import type { HealthStore } from '../store/HealthStore';
import type { ConnectorReadScope } from './ConnectorReadScope';
import type { ConnectorRefreshAnnouncer } from './ConnectorRefreshAnnouncer';
import type {
  ConnectorListQuery,
  ConnectorRefreshRequest,
  DefenderHealthService,
} from './DefenderHealthService';
import type { EntityHealthCache } from './EntityHealthCache';
import { restrictEntityHealth } from './restrictEntityHealth';
import {
  readEntityFindings,
  type EntityFindingsQuery,
} from './readEntityFindings';
import { readEntityRollup, type RollupSources } from './readEntityRollup';
import { readOwnerRollup } from './readOwnerRollup';
import { readEntityHealth } from './readEntityHealth';
import type { HealthConfig } from './readHealthConfig';
import { toConnectorOverview } from './toConnectorViews';

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
      /** Tells browsers when an on-demand refresh landed (signals); none in tests that poll. */
      announcer?: ConnectorRefreshAnnouncer;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async getEntityHealth(
    entityRef: CompoundEntityRef,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityDefenderResponse> {
    const entity = await this.readEntity(entityRef, credentials);
    const ref = stringifyEntityRef(entityRef);
    return restrictEntityHealth(
      await this.entityHealth(ref, readDefenderAnnotations(entity)),
      this.options.readScope,
      credentials,
    );
  }

  /** Unrestricted, so one answer serves every caller of the entity while it is cached. */
  private async entityHealth(
    ref: string,
    reading: ReturnType<typeof readDefenderAnnotations>,
  ): Promise<EntityDefenderResponse> {
    const { cache } = this.options;
    // Keyed by what the answer is computed from; who may see which connector is decided per
    // request, after the cache.
    const key = `${ref}\n${JSON.stringify(reading)}`;
    const cached = cache?.get(key);
    if (cached) return cached;
    const generation = cache?.generation ?? 0;
    const response = await readEntityHealth(
      { ...this.options, now: this.now(), staleBefore: this.staleBefore() },
      ref,
      reading,
    );
    cache?.set(key, response, generation);
    return response;
  }

  async getEntityFindings(
    entityRef: CompoundEntityRef,
    query: EntityFindingsQuery,
    { credentials }: { credentials: BackstageCredentials },
  ): Promise<EntityFindingsResponse> {
    const entity = await this.readEntity(entityRef, credentials);
    return readEntityFindings(
      this.options,
      stringifyEntityRef(entityRef),
      readDefenderAnnotations(entity),
      query,
      credentials,
    );
  }

  async getEntityRollup(
    entityRef: CompoundEntityRef,
    {
      children,
      credentials,
    }: { children: boolean; credentials: BackstageCredentials },
  ): Promise<EntityRollupResponse> {
    const entity = await this.readEntity(entityRef, credentials);
    return readEntityRollup(
      this.rollupSources(),
      entity,
      children,
      credentials,
    );
  }

  getOwnerRollup({
    credentials,
  }: {
    credentials: BackstageCredentials;
  }): Promise<OwnerRollupResponse> {
    return readOwnerRollup(this.rollupSources(), credentials);
  }

  private rollupSources(): RollupSources {
    return {
      ...this.options,
      maxComponents: this.options.config.rollupMaxComponents,
      staleBefore: this.staleBefore(),
      now: this.now(),
    };
  }

  /** As the caller: an entity they may not read is indistinguishable from one that is absent. */
  private async readEntity(
    entityRef: CompoundEntityRef,
    credentials: BackstageCredentials,
  ) {
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `Entity ${stringifyEntityRef(entityRef)} not found`,
      );
    }
    return entity;
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
        toConnectorOverview(
          c,
          subscriptions,
          this.options.portal,
          staleBefore,
          this.now(),
        ),
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
      .catch(e => logger.warn(`On-demand refresh of ${stored.id} failed: ${e}`))
      // Failed or not, the database now says how it went (data or staleSince): the card may
      // reload. A lost signal only costs the card its fallback wait.
      .then(() => this.options.announcer?.refreshed(stored.id, this.now()))
      .catch(e =>
        logger.warn(`Could not announce the refresh of ${stored.id}: ${e}`),
      );
    return {
      accepted: true,
      response: { id: stored.id, requestedAt: at.toISOString() },
    };
  }

  refreshAll(options?: { signal?: AbortSignal }): Promise<RefreshSummary> {
    return this.options.refresher.refreshAll(options?.signal);
  }
}
