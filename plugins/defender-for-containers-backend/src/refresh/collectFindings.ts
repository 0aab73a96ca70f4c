import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ImageFindings,
  SeverityCounts,
  WorstFinding,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { StoredFinding } from '../store/HealthStore';
import type {
  ArmCallOptions,
  DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  findingsSummaryQuery,
  openFindingsQuery,
  type FindingsSummaryRow,
  type OpenFindingsRow,
} from './findingsQueries';
import { openFindingsByConnector, repositoryOf, worstOf } from './openFindings';
import { sumCounts, totalOf, zeroCounts } from '../store/severityCounts';

export { repositoryOf };

export interface ConnectorFindings {
  images: ImageFindings[];
  worst: WorstFinding[];
  /**
   * Whether Defender reported any assessment of the connector's images, fixed ones included.
   * False (or absent in data stored before this field): no findings data, which is not "no
   * findings".
   */
  reported?: boolean;
  /** The open findings kept (at most `maxPerConnector`, the most severe first). */
  open: StoredFinding[];
}

export interface CollectedFindings {
  /** By lower-cased connector id; connectors without any assessment are absent. */
  byConnector: Map<string, ConnectorFindings>;
  /** Distinct `properties.resourceDetails.Source` values seen, for the log. */
  sources: Set<string>;
  /** Rows of connectors that are not the Docker Hub connectors we listed (other clouds). */
  otherRows: number;
  truncated: boolean;
}

const MAX_IMAGES_PER_CONNECTOR = 2000;

/** Defender's severity names (`Critical`, `High`, …) to our keys; anything else is not counted. */
function severityKey(severity: string): keyof SeverityCounts | undefined {
  const k = severity.toLowerCase();
  return k === 'critical' || k === 'high' || k === 'medium' || k === 'low'
    ? k
    : undefined;
}

/**
 * Findings of a subscription's Docker Hub connectors: two Resource Graph queries (counts, and
 * each connector's open findings, at most `maxPerConnector` per severity), every page, for the whole
 * subscription or, with `narrowTo`, one connector; matched to `connectorIds` in code. Queries
 * come from config and ARM ids only (findingsQueries.ts).
 */
export async function collectFindings(options: {
  arm: DefenderArmClient;
  subscriptionId: string;
  /** The Docker Hub connectors read from ARM; may still be being listed while the queries run. */
  connectorIds: string[] | Promise<string[]>;
  /** One connector (an on-demand refresh): both queries are narrowed to it. */
  narrowTo?: string;
  filter: string;
  worstPerConnector: number;
  /** Open findings kept per connector, the most severe first. */
  maxPerConnector: number;
  pageSize: number;
  maxPages: number;
  logger: LoggerService;
  signal?: ArmCallOptions['signal'];
}): Promise<CollectedFindings> {
  const { arm, subscriptionId, filter, pageSize, maxPages, signal } = options;
  const [summary, open, ids] = await Promise.all([
    arm.queryResourceGraph<FindingsSummaryRow>(
      [subscriptionId],
      findingsSummaryQuery(filter, options.narrowTo),
      { pageSize, maxPages, signal },
    ),
    arm.queryResourceGraph<OpenFindingsRow>(
      [subscriptionId],
      openFindingsQuery(filter, options.maxPerConnector, options.narrowTo),
      { pageSize, maxPages, signal },
    ),
    options.connectorIds,
  ]);
  const wanted = new Set(ids.map(id => id.toLowerCase()));

  const byConnector = new Map<string, ConnectorFindings>();
  const entry = (connectorId: string) => {
    let e = byConnector.get(connectorId);
    if (!e) {
      e = { images: [], worst: [], reported: true, open: [] };
      byConnector.set(connectorId, e);
    }
    return e;
  };
  const sources = new Set<string>();
  let otherRows = 0;

  const images = new Map<string, ImageFindings>();
  for (const row of summary.rows) {
    const connectorId = String(row.connectorId ?? '').toLowerCase();
    sources.add(String(row.source ?? ''));
    if (!wanted.has(connectorId)) {
      otherRows++;
      continue;
    }
    const e = entry(connectorId);
    const openCount = Number(row.findings) || 0;
    const k = severityKey(String(row.severity ?? ''));
    const image = String(row.imageName ?? '').toLowerCase();
    if (!k || !image || openCount === 0) continue;
    const mapKey = `${connectorId}|${image}`;
    let img = images.get(mapKey);
    if (!img) {
      if (e.images.length >= MAX_IMAGES_PER_CONNECTOR) continue;
      img = { image, repository: repositoryOf(image), counts: zeroCounts() };
      images.set(mapKey, img);
      e.images.push(img);
    }
    img.counts[k] += openCount;
  }

  const openByConnector = openFindingsByConnector(
    open.rows,
    wanted,
    options.maxPerConnector,
  );
  for (const [connectorId, list] of openByConnector) {
    const e = entry(connectorId);
    e.open = list;
    e.worst = worstOf(list, options.worstPerConnector);
    const fixable = new Map<string, number>();
    for (const f of list) {
      if (f.fixedVersion) fixable.set(f.image, (fixable.get(f.image) ?? 0) + 1);
    }
    for (const img of e.images) img.fixable = fixable.get(img.image) ?? 0;
    const openTotal = totalOf(sumCounts(e.images.map(img => img.counts)));
    if (list.length >= options.maxPerConnector && openTotal > list.length) {
      options.logger.warn(
        `Connector ${connectorId} has ${openTotal} open findings; Backstage keeps the ${list.length} most severe (defenderForContainers.health.findings.maxPerConnector), the Findings tab says so`,
      );
    }
  }

  const truncated = summary.truncated || open.truncated;
  if (truncated) {
    options.logger.warn(
      `Resource Graph findings of subscription ${subscriptionId} were cut after ${maxPages} pages; raise defenderForContainers.health.findings.maxPages to read them all`,
    );
  }
  return { byConnector, sources, otherRows, truncated };
}
