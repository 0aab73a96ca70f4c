import {
  CONNECTOR_LIST_SORTS,
  type ConnectorListSort,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorListRequest } from '../../api/DefenderApi';
import {
  useUrlQuery,
  type UrlQuery,
  type UrlQueryCodec,
} from '../../hooks/useUrlQuery';

/** Rows per page the table offers; the first is the default. */
export const PAGE_SIZES = [20, 50, 100];

export type StatusFilter = NonNullable<ConnectorListRequest['status']>;
export const STATUS_FILTERS: StatusFilter[] = [
  'unhealthy',
  'stale',
  'pending',
  'healthy',
];

/** What the overview shows: every part of it lives in the page's URL. */
export interface OverviewQuery {
  status?: StatusFilter;
  owner?: string;
  /** The search box's text. */
  text: string;
  sort?: ConnectorListSort;
  order: 'asc' | 'desc';
  /** Zero-based; `page` in the URL counts from 1, as people do. */
  page: number;
  pageSize: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null) =>
  values.includes(value as T) ? (value as T) : undefined;

/** The query a URL describes; anything unknown or malformed falls back to the default. */
export function parseOverviewQuery(params: URLSearchParams): OverviewQuery {
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    status: oneOf(STATUS_FILTERS, params.get('status')),
    owner: params.get('owner') || undefined,
    text: params.get('q') ?? '',
    sort: oneOf(CONNECTOR_LIST_SORTS, params.get('sort')),
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Number.isInteger(page) && page > 1 ? page - 1 : 0,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : PAGE_SIZES[0],
  };
}

/** The URL of a query: only what differs from the defaults, so plain links stay plain. */
export function overviewSearchParams(query: OverviewQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.owner) params.set('owner', query.owner);
  if (query.text) params.set('q', query.text);
  if (query.sort) {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  if (query.page > 0) params.set('page', String(query.page + 1));
  if (query.pageSize !== PAGE_SIZES[0]) {
    params.set('pageSize', String(query.pageSize));
  }
  return params;
}

const overviewCodec: UrlQueryCodec<OverviewQuery> = {
  parse: parseOverviewQuery,
  write: overviewSearchParams,
  keys: ['status', 'owner', 'q', 'sort', 'order', 'page', 'pageSize'],
  reset: { page: 0 },
};

/**
 * The overview's filters, search, sort and page, read from and written to the URL, so a reload
 * or a shared link shows the same view. A change of filter, search, sort or page size starts at
 * the first page again. A search still waiting for its debounce is applied with any other change
 * (paging included) rather than after it: applied late, it reset the page the reader had moved to.
 */
export function useOverviewQuery(): UrlQuery<OverviewQuery> {
  return useUrlQuery(overviewCodec);
}
