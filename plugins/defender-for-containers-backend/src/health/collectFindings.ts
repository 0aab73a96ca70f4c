import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ImageFindings,
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
  type WorstFindingRow,
} from './findingsQueries';
import { severityKey, zeroCounts } from './severityCounts';

export interface ConnectorFindings {
  images: ImageFindings[];
  worst: WorstFinding[];
}

export interface CollectedFindings {
  /** By lower-cased connector id; connectors without findings are absent. */
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
const SEVERITY_NAMES: Record<string, WorstFinding['severity']> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

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
 * Findings of a subscription's Docker Hub connectors: two Resource Graph queries (counts, and the
 * Critical/High findings with fix versions), every page, for the whole subscription, matched to
 * `connectorIds` in code. Queries come from config only (findingsQueries.ts).
 */
export async function collectFindings(options: {
  arm: DefenderArmClient;
  subscriptionId: string;
  connectorIds: string[];
  filter: string;
  worstPerConnector: number;
  pageSize: number;
  maxPages: number;
  logger: LoggerService;
  signal?: ArmCallOptions['signal'];
}): Promise<CollectedFindings> {
  const { arm, subscriptionId, filter, pageSize, maxPages, signal } = options;
  const wanted = new Set(options.connectorIds.map(id => id.toLowerCase()));
  const [summary, worst] = await Promise.all([
    arm.queryResourceGraph<FindingsSummaryRow>(
      [subscriptionId],
      findingsSummaryQuery(filter),
      { pageSize, maxPages, signal },
    ),
    arm.queryResourceGraph<WorstFindingRow>(
      [subscriptionId],
      worstFindingsQuery(filter),
      { pageSize, maxPages, signal },
    ),
  ]);

  const byConnector = new Map<string, ConnectorFindings>();
  const entry = (connectorId: string) => {
    let e = byConnector.get(connectorId);
    if (!e) {
      e = { images: [], worst: [] };
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
    const k = severityKey(String(row.severity ?? ''));
    const image = String(row.imageName ?? '').toLowerCase();
    if (!k || !image) continue;
    const mapKey = `${connectorId}|${image}`;
    let img = images.get(mapKey);
    if (!img) {
      const e = entry(connectorId);
      if (e.images.length >= MAX_IMAGES_PER_CONNECTOR) continue;
      img = { image, repository: repositoryOf(image), counts: zeroCounts() };
      images.set(mapKey, img);
      e.images.push(img);
    }
    img.counts[k] += Number(row.findings) || 0;
  }

  // The same finding (package + CVE + fix) in several images is one line with its images.
  const worstByKey = new Map<string, WorstFinding>();
  for (const row of worst.rows) {
    const connectorId = String(row.connectorId ?? '').toLowerCase();
    if (!wanted.has(connectorId)) continue;
    const severity = SEVERITY_NAMES[String(row.severity ?? '').toLowerCase()];
    const title = String(row.displayName ?? '').slice(0, 300);
    if (!severity || !title) continue;
    const fixedVersion = row.fixedVersion
      ? String(row.fixedVersion).slice(0, 100)
      : undefined;
    const k = `${connectorId}|${severity}|${title}|${fixedVersion ?? ''}`;
    const image = String(row.imageName ?? '').toLowerCase();
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
      cves: cveIds(row.cves),
      ...(fixedVersion ? { fixedVersion } : {}),
      images: image ? [image] : [],
    };
    worstByKey.set(k, finding);
    e.worst.push(finding);
  }

  const truncated = summary.truncated || worst.truncated;
  if (truncated) {
    options.logger.warn(
      `Resource Graph findings of subscription ${subscriptionId} were cut after ${maxPages} pages; raise defenderForContainers.health.findings.maxPages to read them all`,
    );
  }
  return { byConnector, sources, otherRows, truncated };
}
