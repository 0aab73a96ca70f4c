import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ImageFindings,
  SeverityCounts,
  WorstFinding,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  ArmCallOptions,
  DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  findingsSummaryQuery,
  worstFindingsQuery,
  type FindingsSummaryRow,
  type WorstFindingsRow,
} from './findingsQueries';
import { zeroCounts } from '../store/severityCounts';

export interface ConnectorFindings {
  images: ImageFindings[];
  worst: WorstFinding[];
  /**
   * Whether Defender reported any assessment of the connector's images, fixed ones included.
   * False (or absent in data stored before this field): no findings data, which is not "no
   * findings".
   */
  reported?: boolean;
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

/** `org/repo:tag` → `org/repo`; digests (`@sha256:…`) too. */
export function repositoryOf(image: string): string {
  return image
    .replace(/@.*$/, '')
    .replace(/:[^/:]*$/, '')
    .toLowerCase();
}

const MAX_IMAGES_PER_CONNECTOR = 2000;

/** Defender's severity names (`Critical`, `High`, …) to our keys; anything else is not counted. */
function severityKey(severity: string): keyof SeverityCounts | undefined {
  const k = severity.toLowerCase();
  return k === 'critical' || k === 'high' || k === 'medium' || k === 'low'
    ? k
    : undefined;
}

/** `CvesDetails` arrives parsed (`parse_json`) or, from some sources, as JSON text. */
function cveIds(cves: unknown): string[] {
  let list: unknown = cves;
  if (typeof cves === 'string') {
    try {
      list = JSON.parse(cves);
    } catch {
      list = [];
    }
  }
  return Array.isArray(list)
    ? list
        .map(c => (typeof c === 'string' ? c : c?.CveId ?? c?.cveId))
        .filter((c): c is string => typeof c === 'string')
        .slice(0, 20)
    : [];
}

/**
 * Findings of a subscription's Docker Hub connectors: two Resource Graph queries (counts, and
 * each connector's worst Critical/High findings with fix versions), every page, for the whole
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
  pageSize: number;
  maxPages: number;
  logger: LoggerService;
  signal?: ArmCallOptions['signal'];
}): Promise<CollectedFindings> {
  const { arm, subscriptionId, filter, pageSize, maxPages, signal } = options;
  const [summary, worst, ids] = await Promise.all([
    arm.queryResourceGraph<FindingsSummaryRow>(
      [subscriptionId],
      findingsSummaryQuery(filter, options.narrowTo),
      { pageSize, maxPages, signal },
    ),
    arm.queryResourceGraph<WorstFindingsRow>(
      [subscriptionId],
      worstFindingsQuery(filter, options.worstPerConnector, options.narrowTo),
      { pageSize, maxPages, signal },
    ),
    options.connectorIds,
  ]);
  const wanted = new Set(ids.map(id => id.toLowerCase()));

  const byConnector = new Map<string, ConnectorFindings>();
  const entry = (connectorId: string) => {
    let e = byConnector.get(connectorId);
    if (!e) {
      e = { images: [], worst: [], reported: true };
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
    const open = Number(row.findings) || 0;
    const k = severityKey(String(row.severity ?? ''));
    const image = String(row.imageName ?? '').toLowerCase();
    if (!k || !image || open === 0) continue;
    const mapKey = `${connectorId}|${image}`;
    let img = images.get(mapKey);
    if (!img) {
      if (e.images.length >= MAX_IMAGES_PER_CONNECTOR) continue;
      img = { image, repository: repositoryOf(image), counts: zeroCounts() };
      images.set(mapKey, img);
      e.images.push(img);
    }
    img.counts[k] += open;
  }

  // Critical lists come before High ones (the query orders by severityRank). The same finding
  // (package + CVE + fix) in several images is one line with its images.
  const worstByKey = new Map<string, WorstFinding>();
  for (const row of worst.rows) {
    const connectorId = String(row.connectorId ?? '').toLowerCase();
    if (!wanted.has(connectorId)) continue;
    const severity = Number(row.severityRank) === 0 ? 'Critical' : 'High';
    for (const item of Array.isArray(row.findings) ? row.findings : []) {
      if (!Array.isArray(item)) continue;
      const [, imageName, displayName, fixed, cves] = item;
      const title = String(displayName ?? '').slice(0, 300);
      if (!title) continue;
      const fixedVersion = fixed ? String(fixed).slice(0, 100) : undefined;
      const k = `${connectorId}|${severity}|${title}|${fixedVersion ?? ''}`;
      const image = String(imageName ?? '').toLowerCase();
      const existing = worstByKey.get(k);
      if (existing) {
        if (
          image &&
          !existing.images.includes(image) &&
          existing.images.length < 50
        ) {
          existing.images.push(image);
        }
        continue;
      }
      const e = entry(connectorId);
      if (e.worst.length >= options.worstPerConnector) continue;
      const finding: WorstFinding = {
        title,
        severity,
        cves: cveIds(cves),
        ...(fixedVersion ? { fixedVersion } : {}),
        images: image ? [image] : [],
      };
      worstByKey.set(k, finding);
      e.worst.push(finding);
    }
  }

  const truncated = summary.truncated || worst.truncated;
  if (truncated) {
    options.logger.warn(
      `Resource Graph findings of subscription ${subscriptionId} were cut after ${maxPages} pages; raise defenderForContainers.health.findings.maxPages to read them all`,
    );
  }
  return { byConnector, sources, otherRows, truncated };
}
