import type { ConnectorOverview } from './health';

/**
 * How `GET /api/defender-for-containers/connectors` can sort (`sort`), with `order` `asc` or
 * `desc`: `status` ranks unhealthy, stale, pending, healthy; `findings` by critical, then high,
 * medium and low counts; `tokenExpiresOn` by the token's expiry day, connectors without one last.
 * @public
 */
export const CONNECTOR_LIST_SORTS = [
  'organization',
  'status',
  'findings',
  'owner',
  'refreshedAt',
  'tokenExpiresOn',
] as const;

/** @public */
export type ConnectorListSort = (typeof CONNECTOR_LIST_SORTS)[number];

/**
 * The answer of `GET /api/defender-for-containers/connectors`.
 * @public
 */
export interface ConnectorListResponse {
  items: ConnectorOverview[];
  totalCount: number;
  limit: number;
  offset: number;
}

/**
 * The answer of `GET /api/defender-for-containers/connectors/owners`: every owner (entity ref,
 * lower case, from the connectors' `backstage-owner` tags) at least one connector has, sorted.
 * What the overview's owner filter offers.
 * @public
 */
export interface ConnectorOwnersResponse {
  items: string[];
}

/**
 * The answer of `POST /api/defender-for-containers/connectors/:id/refresh` (202): the refresh
 * runs in the background; poll the entity until the connector's `refreshedAt` is at or after
 * `requestedAt` (or `staleSince` is, when the refresh failed).
 * @public
 */
export interface ConnectorRefreshAccepted {
  id: string;
  requestedAt: string;
}
