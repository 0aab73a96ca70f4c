import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ConnectorListResponse,
  ConnectorListSort,
  ConnectorOwnersResponse,
  ConnectorRefreshAccepted,
  EntityDefenderResponse,
  EntityFindingsResponse,
  EntityRollupResponse,
  OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { RefreshSummary } from '../refresh/RefreshSummary';
import type { EntityFindingsQuery } from './readEntityFindings';

export type { EntityFindingsQuery };

/**
 * `GET /connectors` filters and paging.
 * @public
 */
export interface ConnectorListQuery {
  status?: 'healthy' | 'unhealthy' | 'pending' | 'stale';
  organization?: string;
  subscriptionId?: string;
  /** Substring of the organization or connector name. */
  text?: string;
  /** Entity ref of the owner (`backstage-owner` tag); compared in its full lower-case form. */
  owner?: string;
  /** Default `organization`. */
  sort?: ConnectorListSort;
  /** Default `asc`. */
  order?: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * The on-demand refresh was accepted (runs in the background), or refused because the
 * connector was refreshed on demand too recently.
 * @public
 */
export type ConnectorRefreshRequest =
  | { accepted: true; response: ConnectorRefreshAccepted }
  | { accepted: false; retryAfterSeconds: number };

/**
 * Connector health as the plugin's routes (and, later, its AI actions and notifications) use it.
 * Reads come from the plugin's database; only `refreshAll` and `requestConnectorRefresh` call
 * Azure. Permission checks belong to the caller (the routes use `requirePermission`).
 * @public
 */
export interface DefenderHealthService {
  /**
   * The entity card's answer. The entity is read from the catalog with `credentials`: an entity
   * the caller cannot read is a `NotFoundError`, exactly like one that does not exist. With
   * `health.readScope: connector-entity`, a connector whose Resource entity the caller may not
   * read is a `notAllowed` entry without data.
   */
  getEntityHealth(
    entityRef: CompoundEntityRef,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityDefenderResponse>;
  /**
   * The overview's page of connectors; with `health.readScope: connector-entity` only those whose
   * Resource entity the caller may read (`credentials`).
   */
  listConnectors(
    query: ConnectorListQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<ConnectorListResponse>;
  /**
   * The distinct owners of the connectors in the allowed subscriptions (the overview's filter),
   * of the connectors the caller may see.
   */
  listConnectorOwners(options: {
    credentials: BackstageCredentials;
  }): Promise<ConnectorOwnersResponse>;
  /**
   * A page of the entity's open findings (the Findings tab), read like `getEntityHealth`: the
   * entity as the caller, connectors they may not see as `notAllowed`.
   */
  getEntityFindings(
    entityRef: CompoundEntityRef,
    query: EntityFindingsQuery,
    options: { credentials: BackstageCredentials },
  ): Promise<EntityFindingsResponse>;
  /** A Group's or System's roll-up of its components (`InputError` for other kinds). */
  getEntityRollup(
    entityRef: CompoundEntityRef,
    options: { children: boolean; credentials: BackstageCredentials },
  ): Promise<EntityRollupResponse>;
  /** Connectors and the components that use them, per owning group. */
  getOwnerRollup(options: {
    credentials: BackstageCredentials;
  }): Promise<OwnerRollupResponse>;
  /** `NotFoundError` for a connector the database does not hold. */
  requestConnectorRefresh(
    connectorId: string,
  ): Promise<ConnectorRefreshRequest>;
  /** The scheduled refresh of every allowed subscription. */
  refreshAll(options?: { signal?: AbortSignal }): Promise<RefreshSummary>;
}
