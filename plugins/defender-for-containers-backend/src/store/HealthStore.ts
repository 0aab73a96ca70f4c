import type {
  ConnectorIssue,
  ConnectorListSort,
  FindingSeverity,
  FindingSort,
  ImageFindings,
  PlanState,
  ReportedConnectorStatus,
  SeverityCounts,
  WorstFinding,
} from '@defender-backstage/plugin-defender-for-containers-common';

/** One open finding as the refresh keeps it (`defender_findings`). */
export interface StoredFinding {
  /** Hash of the assessment id (32 hex). */
  id: string;
  image: string;
  repository: string;
  package?: string;
  title: string;
  severity: FindingSeverity;
  cves: string[];
  installedVersion?: string;
  fixedVersion?: string;
  firstSeenAt?: string;
}

/**
 * What one successful read from Azure says about a connector. Built field by field from the
 * connector, its health reports, the plans and Resource Graph counts: it has no place for a
 * token or a credential.
 */
export interface ConnectorSnapshot {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location?: string;
  organization: string;
  /** Full lower-case entity ref from the connector's `backstage-owner` tag (`connectorOwnerRef`). */
  owner?: string;
  scanIntervalHours?: number;
  trialEndsAt?: string;
  /** When Azure created the connector. */
  createdAt?: string;
  /** Its Docker Hub token's expiry day (`YYYY-MM-DD`), from the `dockerhub-token-expires` tag. */
  tokenExpiresOn?: string;
  offerings: string[];
  reportedStatus: ReportedConnectorStatus;
  /** Defender's `status.reason` of a NotHealthy report. */
  healthReason?: string;
  issues: ConnectorIssue[];
  lastScannedAt?: string;
  plans: { defenderForContainers: PlanState; defenderCspm: PlanState };
  /**
   * `reported`: Defender assessed any of the connector's images (fixed findings included); false
   * means no findings data, not zero findings. Absent in snapshots stored before it existed.
   */
  findings: {
    images: ImageFindings[];
    worst: WorstFinding[];
    reported?: boolean;
    /**
     * The open findings kept (`health.findings.maxPerConnector`, the most severe first), stored
     * in their own table, replaced with the snapshot. Absent: none known.
     */
    open?: StoredFinding[];
  };
}

/** A snapshot as stored, with how fresh it is. */
export interface StoredConnector extends ConnectorSnapshot {
  totals: SeverityCounts;
  /** How many open findings are stored (fewer than `totals` sum when cut); absent in old rows. */
  findingsStored?: number;
  /** How many of them have a fixed version. */
  findingsFixable?: number;
  refreshedAt: string;
  failingSince?: string;
  lastError?: string;
}

/** What a list of connectors needs of each, without the per-image details. */
export interface ConnectorSummary
  extends Pick<
    StoredConnector,
    | 'id'
    | 'name'
    | 'subscriptionId'
    | 'resourceGroup'
    | 'location'
    | 'organization'
    | 'owner'
    | 'reportedStatus'
    | 'lastScannedAt'
    | 'healthReason'
    | 'totals'
    | 'refreshedAt'
    | 'failingSince'
    | 'lastError'
    | 'tokenExpiresOn'
  > {
  issueCount: number;
  firstIssueTitle?: string;
  findingsReported: boolean;
}

/** The summary of a full stored connector. */
export function summaryOf(c: StoredConnector): ConnectorSummary {
  const { issues, findings, ...rest } = c;
  return {
    ...rest,
    issueCount: issues.length,
    firstIssueTitle: issues[0]?.title,
    findingsReported: findings.reported ?? true,
  };
}

/** One day of a connector's history; `repository` `*` is the whole connector. */
export interface StoredTrendRow {
  connectorId: string;
  date: string;
  repository: string;
  status?: ReportedConnectorStatus;
  /** False: Defender had no findings data that day, so `counts` are not "no findings". */
  findingsReported: boolean;
  counts: SeverityCounts;
}

export interface SubscriptionRefreshState {
  subscriptionId: string;
  lastAttemptAt: string;
  lastSuccessAt?: string;
  failingSince?: string;
  lastError?: string;
}

export interface ConnectorListFilter {
  /** Only these subscriptions (the allowed ones). */
  subscriptionIds: string[];
  /** Connectors last read from Azure before this (ISO time) count as stale. */
  staleBefore?: string;
  status?: 'healthy' | 'unhealthy' | 'pending' | 'stale';
  organization?: string;
  subscriptionId?: string;
  /** Matches organization or connector name, case-insensitively. */
  text?: string;
  /** A full lower-case entity ref (`connectorOwnerRef`). */
  owner?: string;
  /** Only these organizations (lower case; the caller's read scope), when given. */
  organizations?: string[];
}

/** Which stored findings a Findings tab shows: its connectors, each narrowed to repositories. */
export interface FindingsScope {
  connectors: Array<{ id: string; repositories?: string[] }>;
}

export interface FindingsFilter {
  severities?: FindingSeverity[];
  fixable?: boolean;
  repository?: string;
  /** Lower-case substring of a CVE id, the package or the title. */
  text?: string;
}

/** Where the previous page ended: its last row's sort value and key. */
export interface FindingsPosition {
  value: string | number;
  connectorKey: string;
  findingKey: string;
}

export interface StoredFindingRow extends StoredFinding {
  connectorId: string;
}

/** Order of `listConnectors`; ties are broken by organization, then id. */
export interface ConnectorListOrder {
  sort: ConnectorListSort;
  order: 'asc' | 'desc';
}

export type RefreshClaim =
  | { claimed: true }
  | { claimed: false; retryAfterSeconds: number }
  | { claimed: false; unknown: true };

/** The plugin's database: last good snapshots, refresh outcomes and history. */
export interface HealthStore {
  /**
   * Replaces what is stored for a subscription with `snapshots`, read from Azure from `readAt`
   * on, in ONE transaction holding the subscription's lock (across replicas): a refresh cut short
   * leaves the previous snapshot whole. Never replaces or deletes what a refresh that read Azure
   * later has written, and never brings back a connector it found gone. Returns the snapshots
   * it wrote (`applied`) and what was stored before for those and for the connectors it deleted.
   */
  replaceSubscription(
    subscriptionId: string,
    snapshots: ConnectorSnapshot[],
    readAt: Date,
  ): Promise<{ previous: StoredConnector[]; applied: ConnectorSnapshot[] }>;
  /** One connector's snapshot (on-demand refresh), with the same guards. */
  upsertConnector(
    snapshot: ConnectorSnapshot,
    readAt: Date,
  ): Promise<{ previous?: StoredConnector; applied: boolean }>;
  /** The connector was found gone by a read from `readAt` on (unless something newer is stored). */
  removeConnector(
    id: string,
    readAt: Date,
  ): Promise<{ previous?: StoredConnector }>;
  /**
   * Keeps the last good data; marks the subscription and its connectors stale since `readAt`,
   * except connectors a later read has refreshed.
   */
  markSubscriptionFailed(
    subscriptionId: string,
    readAt: Date,
    error: string,
  ): Promise<{ previous: StoredConnector[] }>;
  markConnectorFailed(
    id: string,
    readAt: Date,
    error: string,
  ): Promise<{ previous?: StoredConnector }>;
  /**
   * Atomically takes the connector's on-demand refresh slot (across replicas): refused when the
   * last one is younger than `minIntervalMs`.
   */
  claimRefresh(
    id: string,
    at: Date,
    minIntervalMs: number,
  ): Promise<RefreshClaim>;
  getConnectors(query: {
    ids?: string[];
    organizations?: string[];
  }): Promise<StoredConnector[]>;
  /** A page of connectors, read from the summary columns (never the per-image details). */
  listConnectors(
    filter: ConnectorListFilter,
    page: { limit: number; offset: number },
    order?: ConnectorListOrder,
  ): Promise<{ items: ConnectorSummary[]; totalCount: number }>;
  /**
   * The distinct owners of the connectors in these subscriptions (and of these organizations,
   * when given), sorted; none for untagged connectors.
   */
  listOwners(
    subscriptionIds: string[],
    organizations?: string[],
  ): Promise<string[]>;
  /** A page of stored findings (keyset paging after `after`), and how many match in all. */
  listFindings(
    scope: FindingsScope,
    filter: FindingsFilter,
    page: {
      sort: FindingSort;
      order: 'asc' | 'desc';
      limit: number;
      after?: FindingsPosition;
    },
  ): Promise<{
    items: Array<StoredFindingRow & { position: FindingsPosition }>;
    totalCount: number;
  }>;
  /** History from `sinceDate` (YYYY-MM-DD) on, oldest first. */
  getTrend(
    connectorIds: string[],
    sinceDate: string,
  ): Promise<StoredTrendRow[]>;
  getSubscriptionStates(): Promise<SubscriptionRefreshState[]>;
  /** Deletes history older than `beforeDate` (YYYY-MM-DD); returns how many rows. */
  pruneHistory(beforeDate: string): Promise<number>;
}
