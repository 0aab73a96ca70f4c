import { createApiRef } from '@backstage/frontend-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  AllowedSubscription,
  ConnectorListResponse,
  ConnectorListSort,
  ConnectorRefreshAccepted,
  EntityDefenderResponse,
  EntityFindingsResponse,
  EntityRollupResponse,
  FindingSeverity,
  FindingSort,
  OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * Filters, order and page of {@link DefenderApi.listConnectors} (`GET /connectors`).
 * @public
 */
export interface ConnectorListRequest {
  status?: 'healthy' | 'unhealthy' | 'pending' | 'stale';
  /** An entity ref; the backend accepts `team-a` as well as `group:default/team-a`. */
  owner?: string;
  organization?: string;
  subscriptionId?: string;
  /** Substring of the organization or connector name. */
  text?: string;
  sort?: ConnectorListSort;
  order?: 'asc' | 'desc';
  /** 1–200; the backend's default is 50. */
  limit?: number;
  offset?: number;
}

/**
 * Filters, order and page of {@link DefenderApi.getEntityFindings}.
 * @public
 */
export interface EntityFindingsRequest {
  /** Only these severities (any of them). */
  severity?: FindingSeverity[];
  /** Only findings with (true) or without (false) a fixed version. */
  fixable?: boolean;
  /** Only this repository (`org/repo`). */
  repository?: string;
  /** Substring of a CVE id, the package or the title, case-insensitive. */
  q?: string;
  /** Default `severity`. */
  sort?: FindingSort;
  /** Default `asc` (for `severity`: the most severe first). */
  order?: 'asc' | 'desc';
  /** 1–200; the backend's default is 25. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * What the frontend asks the Defender for Containers backend. Every method resolves with the
 * backend's answer or rejects with a `ResponseError` (`@backstage/errors`) carrying its status
 * and message; none resolves with `undefined`.
 * @public
 */
export interface DefenderApi {
  /** The subscriptions the backend may onboard into, with their resource groups and defaults. */
  listAllowedSubscriptions(): Promise<AllowedSubscription[]>;
  /** Everything the entity card shows for one entity, from the backend's database. */
  getEntityDefender(
    entityRef: CompoundEntityRef,
  ): Promise<EntityDefenderResponse>;
  /** Connectors of the allowed subscriptions, filtered, sorted and paged by the backend. */
  listConnectors(
    request?: ConnectorListRequest,
  ): Promise<ConnectorListResponse>;
  /** The owners (entity refs, lower case) the connectors have, each once, sorted. */
  listConnectorOwners(): Promise<string[]>;
  /**
   * Asks for one connector's health now. Resolves when accepted (the refresh runs in the
   * background); a `ResponseError` with status 429 when it was refreshed moments ago.
   */
  refreshConnector(connectorId: string): Promise<ConnectorRefreshAccepted>;
  /** One page of the entity's open findings (the Findings tab), filtered and sorted by the backend. */
  getEntityFindings(
    entityRef: CompoundEntityRef,
    request?: EntityFindingsRequest,
  ): Promise<EntityFindingsResponse>;
  /**
   * The roll-up of a Group's (with `children`, also its child groups') or a System's components.
   */
  getEntityRollup(
    entityRef: CompoundEntityRef,
    options?: { children?: boolean },
  ): Promise<EntityRollupResponse>;
  /** Connectors and the components that use them, per owning group (the overview's owner view). */
  getOwnerRollup(): Promise<OwnerRollupResponse>;
}

/** @public */
export const defenderApiRef = createApiRef<DefenderApi>().with({
  id: 'plugin.defender-for-containers.service',
  pluginId: 'defender-for-containers',
});
