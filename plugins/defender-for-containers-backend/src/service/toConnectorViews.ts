import {
  connectorPortalUrl,
  tokenExpiryOf,
  type ConnectorIssue,
  type AllowedSubscription,
  type AzurePortal,
  type ConnectorHealth,
  type ConnectorOverview,
  type ConnectorPlans,
  type FindingsSummary,
  type RepositoryFindings,
  type TrendPoint,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { repositoryOf } from '../refresh/collectFindings';
import {
  summaryOf,
  type ConnectorSummary,
  type StoredConnector,
  type StoredTrendRow,
} from '../store/HealthStore';
import { WHOLE_CONNECTOR } from '../store/connectorRows';
import { sumCounts, zeroCounts } from '../store/severityCounts';

/**
 * Stale when the last refresh failed, or when the last successful read is older than
 * `staleBefore` (a stopped scheduler must not leave a card healthy forever).
 */
function isStale(c: ConnectorSummary, staleBefore?: string): boolean {
  return !!c.failingSince || (!!staleBefore && c.refreshedAt < staleBefore);
}

function message(c: ConnectorSummary, staleBefore?: string): string {
  if (c.failingSince) {
    return `Backstage could not refresh this connector from Azure since ${c.failingSince}; showing what Azure said at ${c.refreshedAt}.`;
  }
  if (isStale(c, staleBefore)) {
    return `Backstage has not read this connector from Azure since ${c.refreshedAt}, longer than its refresh schedule allows: the scheduled refresh may have stopped (look for "Defender health refresh" in the backend's log). Showing what Azure said then.`;
  }
  switch (c.reportedStatus) {
    case 'healthy':
      return 'Defender for Cloud reads this Docker Hub organization without problems.';
    case 'unhealthy':
      return (
        c.healthReason ??
        c.firstIssueTitle ??
        'Defender for Cloud reports a problem with this connector.'
      );
    default:
      return 'The connector exists, but Defender for Cloud has not reported on it yet: first results arrive within about an hour of onboarding.';
  }
}

/** Offerings that do nothing while their plan is off on the subscription. */
function planWarnings(c: StoredConnector, subscriptionName: string): string[] {
  const warnings: string[] = [];
  if (
    c.offerings.includes('DefenderForContainersDockerHub') &&
    c.plans.defenderForContainers === 'off'
  ) {
    warnings.push(
      `The offering DefenderForContainersDockerHub needs the Defender for Containers plan, which is off on ${subscriptionName}: its images get no vulnerability findings.`,
    );
  }
  if (
    c.offerings.includes('DefenderCspmDockerHub') &&
    c.plans.defenderCspm === 'off'
  ) {
    warnings.push(
      `The offering DefenderCspmDockerHub needs the Defender CSPM plan, which is off on ${subscriptionName}.`,
    );
  }
  return warnings;
}

export function toConnectorOverview(
  c: ConnectorSummary,
  subscriptions: AllowedSubscription[],
  portal?: AzurePortal,
  staleBefore?: string,
  now: Date = new Date(),
): ConnectorOverview {
  const stale = isStale(c, staleBefore);
  const tokenExpiry = tokenExpiryOf(c.tokenExpiresOn, now);
  const expired = tokenExpiry?.stage === 'expired';
  const subscription = subscriptions.find(
    s => s.id.toLowerCase() === c.subscriptionId.toLowerCase(),
  );
  return {
    id: c.id,
    name: c.name,
    organization: c.organization,
    subscriptionId: subscription?.id ?? c.subscriptionId,
    subscriptionName: subscription?.displayName ?? c.subscriptionId,
    resourceGroup: c.resourceGroup,
    location: c.location,
    status: stale ? 'stale' : c.reportedStatus,
    reportedStatus: c.reportedStatus,
    message: message(c, staleBefore),
    // An expired token is an issue of ours until Defender reports it (it says so in its own words).
    issueCount: c.issueCount + (expired ? 1 : 0),
    totals: c.totals,
    findingsReported: c.findingsReported,
    lastScannedAt: c.lastScannedAt,
    refreshedAt: c.refreshedAt,
    ...(c.failingSince
      ? { staleSince: c.failingSince, lastError: c.lastError }
      : {}),
    ...(stale && !c.failingSince ? { staleSince: c.refreshedAt } : {}),
    portalUrl: connectorPortalUrl(c.id, portal),
    ...(c.owner ? { owner: c.owner } : {}),
    ...(tokenExpiry ? { tokenExpiry } : {}),
  };
}

/** The issue an expired token is, with the way out (rotation keeps the connector). */
export function tokenExpiredIssue(
  organization: string,
  expiresOn: string,
): ConnectorIssue {
  return {
    key: 'dockerhub-token-expired',
    title: 'Docker Hub access token expired',
    description: `The access token of the connector for the Docker Hub organization ${organization} expired on ${expiresOn} (its dockerhub-token-expires tag): Defender can no longer read the organization's images.`,
    remediation: `Create a new Read-only personal access token for the connector's Docker Hub user, then run the template "Rotate a Docker Hub connector's token" for ${organization} with it and its new expiry date.`,
  };
}

/**
 * Everything the card shows about one connector. `repositories` (lower-case `org/repo`) narrows
 * findings and trend to those repositories; undefined = the whole organization.
 */
export function toConnectorHealth(
  c: StoredConnector,
  subscriptions: AllowedSubscription[],
  trendRows: StoredTrendRow[],
  repositories?: string[],
  portal?: AzurePortal,
  staleBefore?: string,
  now: Date = new Date(),
): ConnectorHealth {
  const overview = toConnectorOverview(
    summaryOf(c),
    subscriptions,
    portal,
    staleBefore,
    now,
  );
  const inScope = (repository: string) =>
    !repositories || repositories.includes(repository);

  const images = c.findings.images.filter(i => inScope(i.repository));
  const byRepo = new Map<string, RepositoryFindings>();
  for (const image of images) {
    const r = byRepo.get(image.repository) ?? {
      repository: image.repository,
      images: 0,
      counts: zeroCounts(),
    };
    r.images += 1;
    r.counts = sumCounts([r.counts, image.counts]);
    byRepo.set(image.repository, r);
  }
  const worst = c.findings.worst
    .map(w => ({
      ...w,
      images: w.images.filter(i => inScope(repositoryOf(i))),
    }))
    .filter(w => w.images.length > 0);
  const findings: FindingsSummary = {
    totals: sumCounts(images.map(i => i.counts)),
    repositories: [...byRepo.values()].sort((a, b) =>
      a.repository.localeCompare(b.repository),
    ),
    images,
    worst,
    // From the stored findings (the Findings tab's data); absent in snapshots from before them.
    ...(c.findingsStored !== undefined
      ? { fixable: images.reduce((n, i) => n + (i.fixable ?? 0), 0) }
      : {}),
    ...(repositories ? { narrowedTo: repositories } : {}),
    // Snapshots stored before `reported` existed held rows only for assessed connectors.
    reported: c.findings.reported ?? true,
    ...(c.findings.reported === false && c.createdAt
      ? { missingSince: c.createdAt }
      : {}),
  };

  const key = c.id.toLowerCase();
  const own = trendRows.filter(r => r.connectorId === key);
  const trend: TrendPoint[] = own
    .filter(r => r.repository === WHOLE_CONNECTOR)
    .map(day => ({
      date: day.date,
      status: day.status,
      ...(day.findingsReported ? {} : { findingsReported: false }),
      counts: repositories
        ? sumCounts(
            own
              .filter(
                r =>
                  r.date === day.date &&
                  r.repository !== WHOLE_CONNECTOR &&
                  repositories.includes(r.repository),
              )
              .map(r => r.counts),
          )
        : day.counts,
    }));

  const plans: ConnectorPlans = {
    ...c.plans,
    offerings: c.offerings,
    warnings: planWarnings(c, overview.subscriptionName),
  };
  const expired = overview.tokenExpiry?.stage === 'expired';
  return {
    ...overview,
    issues: expired
      ? [
          tokenExpiredIssue(c.organization, overview.tokenExpiry!.expiresOn),
          ...c.issues,
        ]
      : c.issues,
    plans,
    scanIntervalHours: c.scanIntervalHours,
    trialEndsAt: c.trialEndsAt,
    findings,
    trend,
  };
}
