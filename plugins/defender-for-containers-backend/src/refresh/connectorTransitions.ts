import {
  NOTIFIED_TOKEN_EXPIRY_STAGES,
  tokenExpiryOf,
  type ConnectorStatus,
  type TokenExpiry,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorSnapshot, StoredConnector } from '../store/HealthStore';
import type { ConnectorTransition } from './ConnectorTransition';

export function effectiveStatus(c: StoredConnector): ConnectorStatus {
  return c.failingSince ? 'stale' : c.reportedStatus;
}

/** A stored connector turning `to` (stale or missing: what a refresh learns without a snapshot). */
export function transitionOf(
  c: {
    id: string;
    organization: string;
    subscriptionId: string;
    failingSince?: string;
    reportedStatus: StoredConnector['reportedStatus'];
  },
  to: ConnectorStatus,
  criticalDelta: number,
  at: Date,
): ConnectorTransition {
  return {
    connectorId: c.id,
    organization: c.organization,
    subscriptionId: c.subscriptionId,
    from: c.failingSince ? 'stale' : c.reportedStatus,
    to,
    previousReportedStatus: c.reportedStatus,
    criticalDelta,
    at: at.toISOString(),
  };
}

/**
 * The token's expiry when it reached a notified stage (14 days, 3 days, expired) between the last
 * read and this one. A connector seen for the first time is the baseline, as for status changes.
 */
function tokenExpiryReached(
  before: StoredConnector | undefined,
  s: ConnectorSnapshot,
  at: Date,
): TokenExpiry | undefined {
  if (!before) return undefined;
  const now = tokenExpiryOf(s.tokenExpiresOn, at);
  if (!now) return undefined;
  const then = tokenExpiryOf(
    before.tokenExpiresOn,
    new Date(before.refreshedAt),
  );
  const rank = (e?: TokenExpiry) =>
    e ? NOTIFIED_TOKEN_EXPIRY_STAGES.indexOf(e.stage) : -1;
  return rank(now) > rank(then) ? now : undefined;
}

/** Status changes and growing Critical counts between what was stored and the new snapshots. */
export function transitionsBetween(
  previous: StoredConnector[],
  snapshots: ConnectorSnapshot[],
  subscriptionId: string,
  at: Date,
): ConnectorTransition[] {
  const result: ConnectorTransition[] = [];
  const critical = (s: ConnectorSnapshot) =>
    s.findings.images.reduce((n, i) => n + i.counts.critical, 0);
  // By id, so a refresh of thousands of connectors stays linear.
  const previousById = new Map(previous.map(p => [p.id.toLowerCase(), p]));
  const current = new Set(snapshots.map(s => s.id.toLowerCase()));
  for (const s of snapshots) {
    const before = previousById.get(s.id.toLowerCase());
    const delta = critical(s) - (before?.totals.critical ?? 0);
    const from = before ? effectiveStatus(before) : undefined;
    const tokenExpiry = tokenExpiryReached(before, s, at);
    if (from !== s.reportedStatus || delta > 0 || tokenExpiry) {
      result.push({
        connectorId: s.id,
        organization: s.organization,
        subscriptionId: s.subscriptionId ?? subscriptionId,
        from,
        to: s.reportedStatus,
        previousReportedStatus: before?.reportedStatus,
        issues: s.issues.map(i => i.title),
        criticalDelta: delta,
        ...(tokenExpiry ? { tokenExpiry } : {}),
        at: at.toISOString(),
      });
    }
  }
  for (const p of previous) {
    if (!current.has(p.id.toLowerCase())) {
      result.push(transitionOf(p, 'missing', -p.totals.critical, at));
    }
  }
  return result;
}
