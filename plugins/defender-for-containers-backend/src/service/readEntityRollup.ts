import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  readDefenderAnnotations,
  type AllowedSubscription,
  type AzurePortal,
  type ConnectorStatus,
  type EntityRollupResponse,
  type RollupComponent,
  type RollupConnector,
  type SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { summaryOf, type HealthStore } from '../store/HealthStore';
import { sumCounts, zeroCounts } from '../store/severityCounts';
import type { ConnectorReadScope } from './ConnectorReadScope';
import {
  connectorIndex,
  narrowedImages,
  splitByReadScope,
  storedConnectorsOf,
} from './entityConnectors';
import { rollupComponents } from './rollupComponents';
import { toConnectorOverview } from './toConnectorViews';

export interface RollupSources {
  store: HealthStore;
  catalog: CatalogService;
  subscriptions: AllowedSubscription[];
  readScope: ConnectorReadScope;
  portal?: AzurePortal;
  maxComponents: number;
  staleBefore: string;
  now: Date;
}

/** Worst first, for a component's status. */
const STATUS_RANK: ConnectorStatus[] = [
  'unhealthy',
  'stale',
  'missing',
  'pending',
  'healthy',
  'notAllowed',
];

const worstStatus = (statuses: ConnectorStatus[]): ConnectorStatus =>
  statuses.sort((a, b) => STATUS_RANK.indexOf(a) - STATUS_RANK.indexOf(b))[0] ??
  'missing';

const byWorstFirst = (a: RollupComponent, b: RollupComponent) =>
  b.counts.critical - a.counts.critical ||
  b.counts.high - a.counts.high ||
  b.counts.medium - a.counts.medium ||
  b.counts.low - a.counts.low ||
  STATUS_RANK.indexOf(a.status) - STATUS_RANK.indexOf(b.status) ||
  a.entityRef.localeCompare(b.entityRef);

/**
 * A Group's or System's roll-up, from the catalog (read as the caller) and the stored snapshots:
 * no Azure call. Counts of an image two components share are counted once in the totals.
 */
export async function readEntityRollup(
  sources: RollupSources,
  entity: Entity,
  children: boolean,
  credentials: BackstageCredentials,
): Promise<EntityRollupResponse> {
  const { components, truncated, includesChildGroups } = await rollupComponents(
    sources.catalog,
    entity,
    { children, max: sources.maxComponents, credentials },
  );
  const annotated = components
    .map(e => ({ entity: e, reading: readDefenderAnnotations(e) }))
    .filter(
      c => c.reading.organizations.length || c.reading.connectorIds.length,
    );
  const stored = await storedConnectorsOf(
    sources.store,
    sources.subscriptions,
    annotated.map(c => c.reading),
  );
  const { readable, notAllowed } = await splitByReadScope(
    stored,
    sources.readScope,
    credentials,
  );
  const overview = new Map(
    readable.map(c => [
      c.id,
      toConnectorOverview(
        summaryOf(c),
        sources.subscriptions,
        sources.portal,
        sources.staleBefore,
        sources.now,
      ),
    ]),
  );
  // Each covered image once: `connectorId|image` → counts and fixable.
  const covered = new Map<
    string,
    { connectorId: string; counts: SeverityCounts; fixable: number }
  >();
  const usedBy = new Map<string, number>();
  const namedBy = connectorIndex(stored);
  const rolled: RollupComponent[] = annotated.map(({ entity: e, reading }) => {
    const named = namedBy(reading);
    const mine = named.filter(c => overview.has(c.id));
    let counts = zeroCounts();
    let fixable = 0;
    for (const c of mine) {
      usedBy.set(c.id, (usedBy.get(c.id) ?? 0) + 1);
      for (const img of narrowedImages(c, reading)) {
        counts = sumCounts([counts, img.counts]);
        fixable += img.fixable ?? 0;
        covered.set(`${c.id.toLowerCase()}|${img.image}`, {
          connectorId: c.id,
          counts: img.counts,
          fixable: img.fixable ?? 0,
        });
      }
    }
    const missing = reading.organizations.some(
      org => !named.some(c => c.organization === org),
    );
    const statuses: ConnectorStatus[] = mine.map(
      c => overview.get(c.id)!.status,
    );
    if (missing) statuses.push('missing');
    if (named.length > mine.length) statuses.push('notAllowed');
    return {
      entityRef: stringifyEntityRef(e),
      ...(e.metadata.title ? { title: e.metadata.title } : {}),
      status: worstStatus(statuses),
      counts,
      fixable,
      connectorIds: mine.map(c => c.id),
    };
  });

  const images = [...covered.values()];
  const byConnector = new Map<string, typeof images>();
  for (const i of images) {
    const list = byConnector.get(i.connectorId) ?? [];
    list.push(i);
    byConnector.set(i.connectorId, list);
  }
  const connectors: RollupConnector[] = readable
    .filter(c => usedBy.has(c.id))
    .map(c => {
      const own = byConnector.get(c.id) ?? [];
      const o = overview.get(c.id)!;
      return {
        id: c.id,
        name: c.name,
        organization: c.organization,
        status: o.status,
        message: o.message,
        counts: sumCounts(own.map(i => i.counts)),
        fixable: own.reduce((n, i) => n + i.fixable, 0),
        components: usedBy.get(c.id)!,
        portalUrl: o.portalUrl,
      };
    });
  const refreshed = readable.map(c => c.refreshedAt).sort();
  return {
    entityRef: stringifyEntityRef(entity),
    includesChildGroups,
    components: rolled.sort(byWorstFirst),
    componentCount: components.length,
    ...(truncated ? { componentsTruncated: true } : {}),
    connectors,
    notAllowed,
    totals: sumCounts(images.map(i => i.counts)),
    fixable: images.reduce((n, i) => n + i.fixable, 0),
    refreshedAt: refreshed[refreshed.length - 1],
  };
}
