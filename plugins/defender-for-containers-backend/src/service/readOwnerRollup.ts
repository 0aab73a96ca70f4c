import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CONNECTOR_ID,
  ANNOTATION_DOCKERHUB_ORGANIZATION,
  ANNOTATION_DOCKERHUB_REPOSITORY,
  readDefenderAnnotations,
  type OwnerRollup,
  type OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { HealthStore } from '../store/HealthStore';
import { sumCounts } from '../store/severityCounts';
import type { ConnectorReadScope } from './ConnectorReadScope';
import { toConnectorOverview } from './toConnectorViews';
import type { RollupSources } from './readEntityRollup';

/** Connectors one owner view lists at most (the overview pages through more). */
const MAX_CONNECTORS = 2000;

/**
 * The refs of the components (in their order) that name a connector's organization or id, looked
 * up by both instead of testing every component against every connector.
 */
function componentIndex(
  components: Entity[],
): (c: { id: string; organization: string }) => string[] {
  const refs = components.map(e => stringifyEntityRef(e));
  const byOrg = new Map<string, number[]>();
  const byId = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key) ?? [];
    list.push(i);
    map.set(key, list);
  };
  components.forEach((e, i) => {
    const reading = readDefenderAnnotations(e);
    reading.organizations.forEach(org => add(byOrg, org, i));
    reading.connectorIds.forEach(id => add(byId, id.toLowerCase(), i));
  });
  return c =>
    [
      ...new Set([
        ...(byOrg.get(c.organization) ?? []),
        ...(byId.get(c.id.toLowerCase()) ?? []),
      ]),
    ]
      .sort((a, b) => a - b)
      .map(i => refs[i]);
}

/**
 * Per owning group (the connectors' `backstage-owner` tag): its connectors, and the catalog
 * components (read as the caller) that name their organization, repositories or id.
 */
export async function readOwnerRollup(
  sources: Pick<
    RollupSources,
    'subscriptions' | 'portal' | 'staleBefore' | 'now' | 'maxComponents'
  > & {
    store: HealthStore;
    catalog: CatalogService;
    readScope: ConnectorReadScope;
  },
  credentials: BackstageCredentials,
): Promise<OwnerRollupResponse> {
  const { items, totalCount } = await sources.store.listConnectors(
    {
      subscriptionIds: sources.subscriptions.map(s => s.id),
      organizations: await sources.readScope.everyReadable(credentials),
    },
    { limit: MAX_CONNECTORS, offset: 0 },
    { sort: 'owner', order: 'asc' },
  );
  const { items: components } = await sources.catalog.getEntities(
    {
      filter: [
        ANNOTATION_DOCKERHUB_ORGANIZATION,
        ANNOTATION_DOCKERHUB_REPOSITORY,
        ANNOTATION_CONNECTOR_ID,
      ].map(annotation => ({
        kind: 'component',
        [`metadata.annotations.${annotation}`]: CATALOG_FILTER_EXISTS,
      })),
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
      order: { field: 'metadata.name', order: 'asc' },
      // One more than read: whether some were left out.
      limit: sources.maxComponents + 1,
    },
    { credentials },
  );
  const truncated =
    totalCount > items.length || components.length > sources.maxComponents;
  const componentsOf = componentIndex(
    components.slice(0, sources.maxComponents),
  );
  const byOwner = new Map<string, OwnerRollup>();
  for (const c of items) {
    const o = toConnectorOverview(
      c,
      sources.subscriptions,
      sources.portal,
      sources.staleBefore,
      sources.now,
    );
    const ownerKey = c.owner ?? '';
    let row = byOwner.get(ownerKey);
    if (!row) {
      row = {
        ...(c.owner ? { owner: c.owner } : {}),
        connectors: [],
        totals: sumCounts([]),
      };
      byOwner.set(ownerKey, row);
    }
    row.connectors.push({
      id: c.id,
      organization: c.organization,
      status: o.status,
      totals: c.totals,
      components: componentsOf(c),
    });
    row.totals = sumCounts([row.totals, c.totals]);
  }
  // Owned connectors first (by owner), those without an owner last.
  return {
    ...(truncated ? { truncated: true } : {}),
    items: [...byOwner.values()].sort(
      (a, b) =>
        (a.owner ? 0 : 1) - (b.owner ? 0 : 1) ||
        (a.owner ?? '').localeCompare(b.owner ?? ''),
    ),
  };
}
