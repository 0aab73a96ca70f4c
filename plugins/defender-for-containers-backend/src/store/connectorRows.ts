import type {
  ReportedConnectorStatus,
  SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Knex } from 'knex';
import type {
  ConnectorSnapshot,
  ConnectorSummary,
  StoredConnector,
  StoredTrendRow,
  SubscriptionRefreshState,
} from './HealthStore';
import { sumCounts, zeroCounts } from './severityCounts';

// The plugin's tables and how a connector snapshot maps to and from their rows.
export const CONNECTORS = 'defender_connectors';
export const SUBSCRIPTIONS = 'defender_subscription_refreshes';
export const HISTORY = 'defender_connector_history';
export const REMOVALS = 'defender_connector_removals';
export const FINDINGS = 'defender_findings';
/** Rows per INSERT: well below SQLite's bound-parameter limit. */
export const CHUNK = 50;
/** `repository` of the history row that covers the whole connector. */
export const WHOLE_CONNECTOR = '*';

export interface ConnectorRow {
  connector_key: string;
  id: string;
  subscription_id: string;
  resource_group: string;
  name: string;
  organization: string;
  owner: string | null;
  location: string | null;
  reported_status: string;
  issue_count: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  last_scanned_at: string | null;
  refreshed_at: string;
  failing_since: string | null;
  last_error: string | null;
  refresh_requested_at?: string | null;
  health_reason: string | null;
  first_issue: string | null;
  findings_reported: boolean | number | null;
  token_expires_on: string | null;
  findings_stored?: number | null;
  findings_fixable?: number | null;
  details: string;
}

export interface SubscriptionStateRow {
  subscription_id: string;
  last_attempt_at: string;
  last_success_at: string | null;
  failing_since: string | null;
  last_error: string | null;
}

export function stateFromRow(
  r: SubscriptionStateRow,
): SubscriptionRefreshState {
  return {
    subscriptionId: r.subscription_id,
    lastAttemptAt: r.last_attempt_at,
    lastSuccessAt: r.last_success_at ?? undefined,
    failingSince: r.failing_since ?? undefined,
    lastError: r.last_error ?? undefined,
  };
}

/** Every column but `details`: what a list of connectors reads. */
export const SUMMARY_COLUMNS = [
  'connector_key',
  'id',
  'subscription_id',
  'resource_group',
  'name',
  'organization',
  'owner',
  'location',
  'reported_status',
  'issue_count',
  'critical',
  'high',
  'medium',
  'low',
  'last_scanned_at',
  'refreshed_at',
  'failing_since',
  'last_error',
  'health_reason',
  'first_issue',
  'findings_reported',
  'token_expires_on',
  'findings_stored',
  'findings_fixable',
] as const;

type Details = Pick<
  ConnectorSnapshot,
  | 'scanIntervalHours'
  | 'trialEndsAt'
  | 'createdAt'
  | 'offerings'
  | 'healthReason'
  | 'issues'
  | 'plans'
  | 'findings'
>;

export const key = (id: string) => id.toLowerCase();
export const dateOf = (at: Date) => at.toISOString().slice(0, 10);

export function toRow(s: ConnectorSnapshot, at: Date): ConnectorRow {
  const totals = sumCounts(s.findings.images.map(i => i.counts));
  const details: Details = {
    scanIntervalHours: s.scanIntervalHours,
    trialEndsAt: s.trialEndsAt,
    createdAt: s.createdAt,
    offerings: s.offerings,
    healthReason: s.healthReason,
    issues: s.issues,
    plans: s.plans,
    // The open findings have their own table.
    findings: {
      images: s.findings.images,
      worst: s.findings.worst,
      reported: s.findings.reported,
    },
  };
  return {
    connector_key: key(s.id),
    id: s.id,
    subscription_id: s.subscriptionId.toLowerCase(),
    resource_group: s.resourceGroup,
    name: s.name,
    organization: s.organization.toLowerCase(),
    owner: s.owner ?? null,
    location: s.location ?? null,
    reported_status: s.reportedStatus,
    issue_count: s.issues.length,
    ...totals,
    last_scanned_at: s.lastScannedAt ?? null,
    refreshed_at: at.toISOString(),
    failing_since: null,
    last_error: null,
    health_reason: s.healthReason ?? null,
    first_issue: s.issues[0]?.title ?? null,
    findings_reported: s.findings.reported ?? true,
    token_expires_on: s.tokenExpiresOn ?? null,
    findings_stored: s.findings.open?.length ?? null,
    findings_fixable: s.findings.open
      ? s.findings.open.filter(f => f.fixedVersion).length
      : null,
    details: JSON.stringify(details),
  };
}

/** A listed connector, from the summary columns alone (`details` is not read). */
export function summaryFromRow(
  row: Omit<ConnectorRow, 'details'>,
): ConnectorSummary {
  return {
    id: row.id,
    name: row.name,
    subscriptionId: row.subscription_id,
    resourceGroup: row.resource_group,
    location: row.location ?? undefined,
    organization: row.organization,
    owner: row.owner ?? undefined,
    reportedStatus: row.reported_status as ReportedConnectorStatus,
    lastScannedAt: row.last_scanned_at ?? undefined,
    healthReason: row.health_reason ?? undefined,
    firstIssueTitle: row.first_issue ?? undefined,
    issueCount: Number(row.issue_count),
    // SQLite answers 0/1; rows of before the column count as reported, as they showed findings.
    findingsReported:
      row.findings_reported === null ? true : Boolean(row.findings_reported),
    totals: {
      critical: Number(row.critical),
      high: Number(row.high),
      medium: Number(row.medium),
      low: Number(row.low),
    },
    refreshedAt: row.refreshed_at,
    failingSince: row.failing_since ?? undefined,
    lastError: row.last_error ?? undefined,
    tokenExpiresOn: row.token_expires_on ?? undefined,
  };
}

const countOrUndefined = (n: number | null | undefined) =>
  n === null || n === undefined ? undefined : Number(n);

export function fromRow(row: ConnectorRow): StoredConnector {
  // The summary's own fields are the details' (issues, findings) in short: the details win.
  const {
    issueCount: _issueCount,
    firstIssueTitle: _firstIssueTitle,
    findingsReported: _findingsReported,
    ...columns
  } = summaryFromRow(row);
  return {
    ...columns,
    ...(JSON.parse(row.details) as Details),
    findingsStored: countOrUndefined(row.findings_stored),
    findingsFixable: countOrUndefined(row.findings_fixable),
  };
}

/** History rows of one snapshot: the whole connector, and each repository with findings. */
export function historyRows(s: ConnectorSnapshot, at: Date) {
  const date = dateOf(at);
  const byRepo = new Map<string, SeverityCounts>();
  for (const image of s.findings.images) {
    byRepo.set(
      image.repository,
      sumCounts([byRepo.get(image.repository) ?? zeroCounts(), image.counts]),
    );
  }
  return [
    {
      connector_key: key(s.id),
      date,
      repository: WHOLE_CONNECTOR,
      status: s.reportedStatus,
      findings_reported: s.findings.reported ?? true,
      ...sumCounts(s.findings.images.map(i => i.counts)),
    },
    ...[...byRepo].map(([repository, counts]) => ({
      connector_key: key(s.id),
      date,
      repository,
      status: null,
      findings_reported: true,
      ...counts,
    })),
  ];
}

/** A history row as read back. */
export function trendFromRow(
  r: {
    connector_key: string;
    date: string;
    repository: string;
    status: string | null;
    findings_reported: boolean | number | null;
  } & SeverityCounts,
): StoredTrendRow {
  return {
    connectorId: r.connector_key,
    date: r.date,
    repository: r.repository,
    status: (r.status as ReportedConnectorStatus | null) ?? undefined,
    // SQLite answers 0/1; rows written before the column held data when they held counts.
    findingsReported:
      r.findings_reported === null ? true : Boolean(r.findings_reported),
    counts: {
      critical: Number(r.critical),
      high: Number(r.high),
      medium: Number(r.medium),
      low: Number(r.low),
    },
  };
}

export async function insertChunked(
  tx: Knex,
  table: string,
  rows: object[],
  chunk = CHUNK,
) {
  for (let i = 0; i < rows.length; i += chunk) {
    await tx(table).insert(rows.slice(i, i + chunk));
  }
}
