import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  FINDING_SEVERITIES,
  type AllowedSubscription,
  type EntityFindingsResponse,
  type FindingSeverity,
  type FindingSort,
  type SeverityCounts,
  type TruncatedFindings,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { HealthStore, StoredConnector } from '../store/HealthStore';
import type { ConnectorReadScope } from './ConnectorReadScope';
import {
  narrowedImages,
  narrowingFor,
  splitByReadScope,
  storedConnectorsOf,
  type DefenderReading,
} from './entityConnectors';
import { findingsCursor } from './findingsCursor';
import { sumCounts, totalOf } from '../store/severityCounts';

/**
 * `GET …/defender/findings` filters, order and page.
 * @public
 */
export interface EntityFindingsQuery {
  severity?: FindingSeverity[];
  fixable?: boolean;
  repository?: string;
  /** Substring of a CVE id, the package or the title (any case). */
  q?: string;
  sort?: FindingSort;
  order?: 'asc' | 'desc';
  limit: number;
  cursor?: string;
}

export interface EntityFindingsSources {
  store: HealthStore;
  subscriptions: AllowedSubscription[];
  readScope: ConnectorReadScope;
}

/**
 * What the filters choose from, from the snapshots' per-image counts (the card's numbers, so card
 * and tab agree): Defender's open totals, and how many of the stored ones have a fix.
 */
function countsOf(readable: StoredConnector[], reading: DefenderReading) {
  const images: SeverityCounts[] = [];
  let fixable = 0;
  const repositories = new Set<string>();
  for (const c of readable) {
    for (const img of narrowedImages(c, reading)) {
      images.push(img.counts);
      fixable += img.fixable ?? 0;
      if (totalOf(img.counts) > 0) repositories.add(img.repository);
    }
  }
  const counts = sumCounts(images);
  return {
    counts: { ...counts, total: totalOf(counts), fixable },
    repositories: [...repositories].sort(),
  };
}

/**
 * A page of the open findings of the connectors an entity names (narrowed to its repositories),
 * of those the caller may see, from the database only.
 */
export async function readEntityFindings(
  sources: EntityFindingsSources,
  ref: string,
  reading: DefenderReading,
  query: EntityFindingsQuery,
  credentials: BackstageCredentials,
): Promise<EntityFindingsResponse> {
  const stored = await storedConnectorsOf(
    sources.store,
    sources.subscriptions,
    [reading],
  );
  const { readable, notAllowed } = await splitByReadScope(
    stored,
    sources.readScope,
    credentials,
  );
  const scope = {
    connectors: readable.map(c => ({
      id: c.id,
      repositories: narrowingFor(c, reading),
    })),
  };
  const sort = query.sort ?? 'severity';
  const order = query.order ?? 'asc';
  const filter = {
    // In one order, so the same filter in another spelling pages with the same cursor.
    severities: query.severity?.length
      ? FINDING_SEVERITIES.filter(s => query.severity!.includes(s))
      : undefined,
    fixable: query.fixable,
    repository: query.repository,
    text: query.q?.toLowerCase(),
  };
  const cursor = findingsCursor(
    [ref.toLowerCase(), filter, sort, order],
    sort === 'severity',
  );
  const after = query.cursor ? cursor.decode(query.cursor) : undefined;
  // One row more than asked: whether there is a next page, without a second query.
  const page = await sources.store.listFindings(scope, filter, {
    sort,
    order,
    limit: query.limit + 1,
    after,
  });
  const { counts, repositories } = countsOf(readable, reading);
  const organizationOf = new Map(
    readable.map(c => [c.id.toLowerCase(), c.organization]),
  );
  const items = page.items.slice(0, query.limit);
  const last = items[items.length - 1];
  const truncated: TruncatedFindings[] = readable
    .filter(
      c =>
        c.findingsStored !== undefined && c.findingsStored < totalOf(c.totals),
    )
    .map(c => ({
      connectorId: c.id,
      organization: c.organization,
      stored: c.findingsStored!,
      open: totalOf(c.totals),
    }));
  const narrowedTo = [
    ...new Set(scope.connectors.flatMap(c => c.repositories ?? [])),
  ];
  const refreshed = readable.map(c => c.refreshedAt).sort();
  return {
    entityRef: ref,
    items: items.map(({ position: _position, ...f }) => ({
      ...f,
      organization: organizationOf.get(f.connectorId.toLowerCase()) ?? '',
    })),
    totalCount: page.totalCount,
    ...(page.items.length > query.limit && last
      ? { nextCursor: cursor.encode(last.position) }
      : {}),
    counts,
    repositories,
    ...(narrowedTo.length ? { narrowedTo } : {}),
    truncated,
    notAllowed,
    refreshedAt: refreshed[refreshed.length - 1],
  };
}
