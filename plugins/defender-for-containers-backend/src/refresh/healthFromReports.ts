import type {
  ConnectorIssue,
  ReportedConnectorStatus,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { HealthReport } from '@defender-backstage/plugin-defender-for-containers-node';

/** Bounds what one report can put in the database and on the card. */
const MAX_TEXT = 4000;
const MAX_ISSUES = 50;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim()
    ? value.trim().slice(0, MAX_TEXT)
    : undefined;

/** The only codes that count as healthy; anything else, or no code, is not. */
const HEALTHY_CODES = new Set(['healthy', 'notapplicable']);

/**
 * A connector's status from its health reports: only Healthy/NotApplicable reports → healthy;
 * any other code (NotHealthy, a code this version does not know, or none) → unhealthy, with
 * every issue of those reports, so a card never shows healthy for what Defender did not say was
 * healthy; no report yet → pending.
 * `lastScannedAt` is the latest scan of any report (one spec revision spelled it
 * `lastTimeScannedDate`; both are read).
 */
export function healthFromReports(reports: HealthReport[]): {
  reportedStatus: ReportedConnectorStatus;
  healthReason?: string;
  issues: ConnectorIssue[];
  lastScannedAt?: string;
} {
  let lastScannedAt: string | undefined;
  for (const r of reports) {
    const scanned =
      r.properties?.status?.lastScannedDate ??
      r.properties?.status?.lastTimeScannedDate;
    const time = scanned ? Date.parse(scanned) : NaN;
    if (
      !Number.isNaN(time) &&
      (!lastScannedAt || time > Date.parse(lastScannedAt))
    ) {
      lastScannedAt = new Date(time).toISOString();
    }
  }
  if (reports.length === 0) {
    return { reportedStatus: 'pending', issues: [] };
  }
  const unhealthy = reports.filter(
    r => !HEALTHY_CODES.has(r.properties?.status?.code?.toLowerCase() ?? ''),
  );
  if (unhealthy.length === 0) {
    return { reportedStatus: 'healthy', issues: [], lastScannedAt };
  }
  const issues: ConnectorIssue[] = [];
  for (const report of unhealthy) {
    for (const issue of report.properties?.issues ?? []) {
      if (issues.length >= MAX_ISSUES) break;
      if (issues.some(i => i.key === issue.issueKey)) continue;
      issues.push({
        key: String(issue.issueKey ?? ''),
        title:
          text(issue.issueName) ??
          text(report.properties?.status?.reason) ??
          'Defender reports a problem with this connector',
        description: text(issue.issueDescription),
        remediation: text(issue.remediationSteps),
      });
    }
  }
  const reasons = unhealthy
    .map(r => {
      const code = text(r.properties?.status?.code);
      return (
        text(r.properties?.status?.reason) ??
        (code?.toLowerCase() === 'nothealthy'
          ? undefined
          : `Defender reported the health status '${
              code ?? 'none'
            }', which is neither Healthy nor NotApplicable`)
      );
    })
    .filter((r): r is string => !!r);
  return {
    reportedStatus: 'unhealthy',
    healthReason: reasons.length ? [...new Set(reasons)].join('; ') : undefined,
    issues,
    lastScannedAt,
  };
}
