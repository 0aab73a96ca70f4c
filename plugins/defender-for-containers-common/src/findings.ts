import type { RestrictedConnector, SeverityCounts } from './health';

/**
 * Defender's severities, most severe first.
 * @public
 */
export const FINDING_SEVERITIES = [
  'Critical',
  'High',
  'Medium',
  'Low',
] as const;

/** @public */
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/**
 * How `GET …/defender/findings` can sort (`sort`), with `order` `asc` or `desc`. `severity` asc
 * is the most severe first; ties are broken by the finding's id, so paging is stable.
 * @public
 */
export const FINDING_SORTS = [
  'severity',
  'firstSeen',
  'image',
  'package',
] as const;

/** @public */
export type FindingSort = (typeof FINDING_SORTS)[number];

/**
 * One open vulnerability finding of one image, as Defender reported it at the last refresh.
 * @public
 */
export interface Finding {
  /** Stable key of the finding (a hash of its assessment id), unique within its connector. */
  id: string;
  /** ARM id of the connector that scanned the image. */
  connectorId: string;
  organization: string;
  /** `org/repo:tag`, or `org/repo@sha256:…` for an untagged image. */
  image: string;
  /** `org/repo`. */
  repository: string;
  /** The vulnerable package, when Defender names it. */
  package?: string;
  /** Defender's display name of the finding. */
  title: string;
  severity: FindingSeverity;
  /** CVE ids; link each to its public record with `cveUrl`. */
  cves: string[];
  /** Version(s) found in the image. */
  installedVersion?: string;
  /** The version that fixes it; absent when no fix is available. */
  fixedVersion?: string;
  /** When Defender first reported it (`status.firstEvaluationDate`). */
  firstSeenAt?: string;
}

/**
 * A connector whose stored findings are fewer than its open findings: the refresh keeps at most
 * `health.findings.maxPerConnector` (most severe first).
 * @public
 */
export interface TruncatedFindings {
  connectorId: string;
  organization: string;
  /** How many open findings Backstage keeps for the connector. */
  stored: number;
  /** How many Defender reported open. */
  open: number;
}

/**
 * The answer of `GET /api/defender-for-containers/entities/:kind/:namespace/:name/defender/findings`.
 * @public
 */
export interface EntityFindingsResponse {
  entityRef: string;
  items: Finding[];
  /** How many findings match the filters (all pages). */
  totalCount: number;
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  /**
   * The entity's open findings before filters, the card's numbers: Defender's open totals per
   * severity (more than the list holds when `truncated`), and how many of the stored ones have a fix.
   */
  counts: SeverityCounts & { total: number; fixable: number };
  /** Repositories (`org/repo`) that have findings: what the repository filter offers. */
  repositories: string[];
  /** Set when the entity names repositories: findings are limited to these. */
  narrowedTo?: string[];
  truncated: TruncatedFindings[];
  /** Connectors of the entity whose data the caller may not see (`health.readScope`). */
  notAllowed: RestrictedConnector[];
  /** When the newest data shown was read from Azure. */
  refreshedAt?: string;
}

/**
 * The public record of a CVE (cve.org); other ids (`GHSA-…`) link to the GitHub advisory database.
 * @public
 */
export function cveUrl(id: string): string {
  if (/^GHSA-[\w-]+$/i.test(id)) {
    return `https://github.com/advisories/${encodeURIComponent(id)}`;
  }
  return `https://www.cve.org/CVERecord?id=${encodeURIComponent(id)}`;
}
