import type { TokenExpiry } from './tokenExpiry';

/**
 * What the backend says about a connector:
 * - `healthy`: every Defender health report of the connector is Healthy (or NotApplicable);
 * - `unhealthy`: at least one report is NotHealthy; `issues` say what is wrong and how to fix it;
 * - `pending`: the connector exists but Defender has not reported on it yet (first results
 *   arrive within about an hour of onboarding);
 * - `stale`: the last refresh from Azure failed; the last good data is kept, `staleSince` says
 *   since when;
 * - `missing`: an annotation names an organization (or connector) that has no connector in the
 *   subscriptions this Backstage reads;
 * - `notAllowed`: the connector exists, but the caller may not read its catalog Resource entity
 *   (`health.readScope: connector-entity`), so nothing else about it is said.
 * @public
 */
export type ConnectorStatus =
  | 'healthy'
  | 'unhealthy'
  | 'pending'
  | 'stale'
  | 'missing'
  | 'notAllowed';

/**
 * The status Azure last reported successfully (what `stale` hides).
 * @public
 */
export type ReportedConnectorStatus = 'healthy' | 'unhealthy' | 'pending';

/**
 * Open vulnerability findings per severity.
 * @public
 */
export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  low: number;
}

/**
 * One problem from a NotHealthy Defender health report.
 * @public
 */
export interface ConnectorIssue {
  /** Defender's `issueKey` (GUID). */
  key: string;
  title: string;
  description?: string;
  /** How to fix it, in Defender's words. */
  remediation?: string;
}

/**
 * `on` = the plan's pricing tier is Standard, `off` = Free, `unknown` = not readable.
 * @public
 */
export type PlanState = 'on' | 'off' | 'unknown';

/**
 * Defender plans of the connector's subscription and the connector's own offerings.
 * @public
 */
export interface ConnectorPlans {
  /** Pricing `Containers` of the subscription. */
  defenderForContainers: PlanState;
  /** Pricing `CloudPosture` (Defender CSPM) of the subscription. */
  defenderCspm: PlanState;
  /** The connector's offerings, e.g. `DefenderForContainersDockerHub`. */
  offerings: string[];
  /** Offerings whose plan is off on the subscription (they produce no findings then). */
  warnings: string[];
}

/**
 * Counts for one image (`org/repo:tag`).
 * @public
 */
export interface ImageFindings {
  image: string;
  repository: string;
  counts: SeverityCounts;
  /** How many of its stored open findings have a fixed version; absent in older data. */
  fixable?: number;
}

/**
 * Counts for one repository (`org/repo`), summed over its scanned images.
 * @public
 */
export interface RepositoryFindings {
  repository: string;
  images: number;
  counts: SeverityCounts;
}

/**
 * One of the most severe findings, with the version that fixes it.
 * @public
 */
export interface WorstFinding {
  /** Defender's display name, e.g. `openssl: CVE-2024-12345`. */
  title: string;
  severity: 'Critical' | 'High' | 'Medium' | 'Low';
  cves: string[];
  /** Package version that fixes it, when Defender knows one. */
  fixedVersion?: string;
  /** Images (`org/repo:tag`) that have it. */
  images: string[];
}

/**
 * Open vulnerability findings of a connector's images, from Azure Resource Graph.
 * @public
 */
export interface FindingsSummary {
  totals: SeverityCounts;
  repositories: RepositoryFindings[];
  images: ImageFindings[];
  /** The most severe findings first (Critical, then High). */
  worst: WorstFinding[];
  /**
   * How many open findings have a fixed version, from the stored findings (the Findings tab's
   * data; a lower bound when the connector's findings were truncated). Absent from backends that
   * predate it.
   */
  fixable?: number;
  /** Set when the entity names repositories: findings are limited to these. */
  narrowedTo?: string[];
  /**
   * False when Defender has reported no assessment of the connector's images yet: "no findings
   * data", which must never read as "no findings". Absent from backends that predate it.
   */
  reported?: boolean;
  /** With `reported: false`: since when data is missing (when Azure created the connector). */
  missingSince?: string;
}

/**
 * One day of history (the last refresh of that day, UTC).
 * @public
 */
export interface TrendPoint {
  /** `YYYY-MM-DD` (UTC). */
  date: string;
  status?: ReportedConnectorStatus;
  /**
   * False when Defender had reported no findings data for the connector that day: its `counts`
   * are zero for want of data, not for want of findings. Absent means it had.
   */
  findingsReported?: boolean;
  counts: SeverityCounts;
}

/**
 * A connector as listed by `GET /connectors`.
 * @public
 */
export interface ConnectorOverview {
  /** ARM id of the security connector. */
  id: string;
  name: string;
  /** Docker Hub organization (lower-case). */
  organization: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceGroup: string;
  location?: string;
  status: Exclude<ConnectorStatus, 'missing' | 'notAllowed'>;
  /** What Azure reported at the last successful refresh; differs from `status` when stale. */
  reportedStatus: ReportedConnectorStatus;
  /** One sentence for people: what the status means here. */
  message: string;
  issueCount: number;
  totals: SeverityCounts;
  /** False when Defender has reported no findings data for the connector yet (see `FindingsSummary`). */
  findingsReported?: boolean;
  /** Defender's last scan of the connector (`lastScannedDate`). */
  lastScannedAt?: string;
  /** When Backstage last read this connector from Azure successfully. */
  refreshedAt: string;
  /** Set when stale: the first failed refresh after the last good one. */
  staleSince?: string;
  /** Set when stale: why the refresh failed (never a secret). */
  lastError?: string;
  /** Azure portal page of the connector. */
  portalUrl: string;
  /**
   * Who owns the connector: its Azure tag `backstage-owner` (`CONNECTOR_TAG_OWNER`, written by
   * onboarding) as a full, lower-case entity ref such as `group:default/team-a`. Absent when the
   * connector has no such tag or it is not an entity ref.
   */
  owner?: string;
  /**
   * When the connector's Docker Hub token expires, from its `dockerhub-token-expires` tag, as
   * of this answer; absent when the tag is missing (a token that never expires, or one onboarded
   * without saying).
   */
  tokenExpiry?: TokenExpiry;
}

/**
 * A connector with everything the entity card shows.
 * @public
 */
export interface ConnectorHealth extends ConnectorOverview {
  issues: ConnectorIssue[];
  plans: ConnectorPlans;
  /** Hours between Defender's scans of the organization's images. */
  scanIntervalHours?: number;
  /** End of the 30-day trial of paid offerings, when one applies. */
  trialEndsAt?: string;
  findings: FindingsSummary;
  /** Oldest first; narrowed like `findings`. */
  trend: TrendPoint[];
}

/**
 * True for an entry that carries a connector's health (not `missing`, not `notAllowed`).
 * @public
 */
export function isConnectorHealth(c: EntityConnector): c is ConnectorHealth {
  return c.status !== 'missing' && c.status !== 'notAllowed';
}

/**
 * An organization or connector id the entity names, for which no connector was found.
 * @public
 */
export interface MissingConnector {
  status: 'missing';
  organization?: string;
  id?: string;
  message: string;
}

/**
 * A connector of an organization the entity names, whose data the caller may not see: no status,
 * findings or id, only why.
 * @public
 */
export interface RestrictedConnector {
  status: 'notAllowed';
  organization: string;
  message: string;
}

/**
 * One entry of an entity's connector list.
 * @public
 */
export type EntityConnector =
  | ConnectorHealth
  | MissingConnector
  | RestrictedConnector;

/**
 * An annotation value the backend did not use, and why.
 * @public
 */
export interface IgnoredAnnotation {
  annotation: string;
  /** The value (shortened when long). */
  value: string;
  reason: string;
}

/**
 * The answer of `GET /api/defender-for-containers/entities/:kind/:namespace/:name/defender`:
 * everything the entity card shows, from the backend's database (page views never call Azure).
 * @public
 */
export interface EntityDefenderResponse {
  entityRef: string;
  /** Docker Hub organizations the entity names (including those of its repositories). */
  organizations: string[];
  /** Docker Hub repositories the entity names. */
  repositories: string[];
  connectors: EntityConnector[];
  ignored: IgnoredAnnotation[];
  /** The most recent successful refresh from Azure of any allowed subscription. */
  refreshedAt?: string;
}

/**
 * The statuses, for filters and exhaustive switches.
 * @public
 */
export const CONNECTOR_STATUSES: readonly ConnectorStatus[] = [
  'healthy',
  'unhealthy',
  'pending',
  'stale',
  'missing',
  'notAllowed',
];
