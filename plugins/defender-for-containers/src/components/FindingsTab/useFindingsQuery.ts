import {
  FINDING_SEVERITIES,
  FINDING_SORTS,
  type FindingSeverity,
  type FindingSort,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { EntityFindingsRequest } from '../../api/DefenderApi';
import {
  useUrlQuery,
  type UrlQuery,
  type UrlQueryCodec,
} from '../../hooks/useUrlQuery';

/** Rows per page the tab offers; the first is the default (the backend's too). */
export const FINDINGS_PAGE_SIZES = [25, 50, 100];

/** The filter that chooses nothing: `any` in the URL means the parameter is absent. */
export type FixableFilter = 'any' | 'yes' | 'no';

/**
 * What the Findings tab shows, all of it in the URL (`?severity=Critical,High&fixable=true&
 * repository=acme/api&q=openssl&sort=image&order=desc&pageSize=50`). The page is not: cursors are
 * only valid for a while, so a reload or a shared link starts at the first page of the same view.
 */
export interface FindingsQuery {
  /** Empty: every severity. */
  severity: FindingSeverity[];
  fixable: FixableFilter;
  repository?: string;
  /** The search box's text (CVE id or package). */
  text: string;
  sort: FindingSort;
  order: 'asc' | 'desc';
  pageSize: number;
}

const DEFAULT_SORT: FindingSort = 'severity';

/** `fixable=true|false` as the API says it. */
const FIXABLE_IN_URL = new Map<string | null, FixableFilter>([
  ['true', 'yes'],
  ['false', 'no'],
]);

/** A Docker Hub repository, `org/repo`, as the backend accepts it (others are a 400). */
const REPOSITORY = /^[a-z0-9][a-z0-9_-]{1,254}\/[a-z0-9][a-z0-9._-]{0,254}$/i;

/** The longest search the backend accepts (a longer one is a 400). */
export const MAX_SEARCH_LENGTH = 100;

const oneOf = <T extends string>(values: readonly T[], value: string | null) =>
  values.includes(value as T) ? (value as T) : undefined;

/** The query a URL describes; anything unknown or malformed falls back to the default. */
export function parseFindingsQuery(params: URLSearchParams): FindingsQuery {
  const named = new Set((params.get('severity') ?? '').split(','));
  const pageSize = Number(params.get('pageSize'));
  return {
    // in Defender's order, each once, whatever the link says
    severity: FINDING_SEVERITIES.filter(s => named.has(s)),
    fixable: FIXABLE_IN_URL.get(params.get('fixable')) ?? 'any',
    repository: REPOSITORY.test(params.get('repository') ?? '')
      ? params.get('repository')!
      : undefined,
    text: params.get('q') ?? '',
    sort: oneOf(FINDING_SORTS, params.get('sort')) ?? DEFAULT_SORT,
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    pageSize: FINDINGS_PAGE_SIZES.includes(pageSize)
      ? pageSize
      : FINDINGS_PAGE_SIZES[0],
  };
}

/** The URL of a query: only what differs from the defaults, so plain links stay plain. */
export function findingsSearchParams(query: FindingsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.severity.length) params.set('severity', query.severity.join(','));
  if (query.fixable !== 'any') {
    params.set('fixable', String(query.fixable === 'yes'));
  }
  if (query.repository) params.set('repository', query.repository);
  if (query.text) params.set('q', query.text);
  if (query.sort !== DEFAULT_SORT || query.order !== 'asc') {
    params.set('sort', query.sort);
    params.set('order', query.order);
  }
  if (query.pageSize !== FINDINGS_PAGE_SIZES[0]) {
    params.set('pageSize', String(query.pageSize));
  }
  return params;
}

/** What the backend is asked for the first page of a query (`cursor` added for the others). */
export function findingsRequest(query: FindingsQuery): EntityFindingsRequest {
  return {
    severity: query.severity.length ? query.severity : undefined,
    fixable: query.fixable === 'any' ? undefined : query.fixable === 'yes',
    repository: query.repository,
    q: query.text.trim().slice(0, MAX_SEARCH_LENGTH).trim() || undefined,
    sort: query.sort,
    order: query.order,
    limit: query.pageSize,
  };
}

/** True when a filter narrows the list (sort and page size do not). */
export const isFiltered = (q: FindingsQuery) =>
  q.severity.length > 0 || q.fixable !== 'any' || !!q.repository || !!q.text;

/** What "Clear filters" sets. */
export const NO_FILTERS: Partial<FindingsQuery> = {
  severity: [],
  fixable: 'any',
  repository: undefined,
  text: '',
};

const findingsCodec: UrlQueryCodec<FindingsQuery> = {
  parse: parseFindingsQuery,
  write: findingsSearchParams,
  keys: ['severity', 'fixable', 'repository', 'q', 'sort', 'order', 'pageSize'],
};

/**
 * The tab's filters, search, sort and page size, read from and written to the URL. Every write
 * starts from the latest URL and keeps parameters it does not own; a search still waiting for its
 * debounce goes along with any other change instead of landing after it.
 */
export function useFindingsQuery(): UrlQuery<FindingsQuery> {
  return useUrlQuery(findingsCodec);
}
