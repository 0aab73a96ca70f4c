import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AllowedSubscription,
  ConnectorStatus,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  ArmError,
  dockerHubOrganizationOf,
  parseSecurityConnectorId,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { buildConnectorSnapshot } from './buildConnectorSnapshot';
import { collectFindings } from './collectFindings';
import type {
  ConnectorTransition,
  ConnectorTransitionPublisher,
} from './ConnectorTransition';
import type {
  ConnectorSnapshot,
  HealthStore,
  StoredConnector,
} from './HealthStore';
import type { HealthConfig } from './readHealthConfig';
import { redactSecrets } from './redactSecrets';
import {
  connectorsMissingFindings,
  warnAboutMissingFindings,
} from './warnAboutMissingFindings';

/** Subscriptions refreshed at once; more would only spend the ARM read budget faster. */
const CONCURRENCY = 4;

/**
 * How one subscription's refresh went.
 * @public
 */
export interface SubscriptionOutcome {
  subscriptionId: string;
  ok: boolean;
  connectors: number;
  error?: string;
}

/**
 * What a refresh of every allowed subscription did.
 * @public
 */
export interface RefreshSummary {
  subscriptions: SubscriptionOutcome[];
  transitions: ConnectorTransition[];
}

export function effectiveStatus(c: StoredConnector): ConnectorStatus {
  return c.failingSince ? 'stale' : c.reportedStatus;
}

function describe(e: unknown): string {
  return redactSecrets(e instanceof Error ? e.message : String(e));
}

/**
 * Reads connector health from Azure into the store. Per subscription: the connectors (paged),
 * the subscription's health reports (one list for all connectors), the two Defender plans and
 * two Resource Graph queries for findings — then ONE transaction replaces the subscription's
 * snapshot. A failing subscription keeps its last good data (marked stale) and does not stop the
 * others. Throttling (429 + Retry-After) and transient 5xx are retried by the ARM client's
 * pipeline.
 */
export class HealthRefresher {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly seenSources = new Set<string>();
  private readonly now: () => Date;

  constructor(
    private readonly options: {
      arm: DefenderArmClient;
      store: HealthStore;
      subscriptions: AllowedSubscription[];
      config: HealthConfig;
      logger: LoggerService;
      publisher: ConnectorTransitionPublisher;
      now?: () => Date;
    },
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Every allowed subscription, then history older than `historyDays` is pruned. */
  async refreshAll(signal?: AbortSignal): Promise<RefreshSummary> {
    const { subscriptions, logger, store, config } = this.options;
    const queue = [...subscriptions];
    const outcomes: SubscriptionOutcome[] = [];
    const transitions: ConnectorTransition[] = [];
    const worker = async () => {
      // A run stopped by its timeout starts no further reads.
      for (let s = queue.shift(); s && !signal?.aborted; s = queue.shift()) {
        const result = await this.refreshSubscription(s.id, signal);
        outcomes.push(result.outcome);
        transitions.push(...result.transitions);
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker),
    );
    const cutoff = new Date(
      this.now().getTime() - config.historyDays * 86_400_000,
    )
      .toISOString()
      .slice(0, 10);
    try {
      const pruned = await store.pruneHistory(cutoff);
      if (pruned)
        logger.debug(`Pruned ${pruned} history rows before ${cutoff}`);
    } catch (e) {
      logger.warn(`Could not prune Defender health history: ${describe(e)}`);
    }
    const failed = outcomes.filter(o => !o.ok);
    logger.info(
      `Defender health refresh: ${outcomes.length - failed.length}/${
        outcomes.length
      } subscriptions read, ${outcomes.reduce(
        (n, o) => n + o.connectors,
        0,
      )} Docker Hub connectors${
        failed.length
          ? `; failed: ${failed.map(o => o.subscriptionId).join(', ')}`
          : ''
      }`,
    );
    return {
      subscriptions: outcomes.sort((a, b) =>
        a.subscriptionId.localeCompare(b.subscriptionId),
      ),
      transitions,
    };
  }

  /** One subscription, at most one run at a time per replica (a second caller joins it). */
  refreshSubscription(
    subscriptionId: string,
    signal?: AbortSignal,
  ): Promise<{
    outcome: SubscriptionOutcome;
    transitions: ConnectorTransition[];
  }> {
    return this.once(`subscription:${subscriptionId.toLowerCase()}`, () =>
      this.runSubscription(subscriptionId, signal),
    );
  }

  /**
   * One connector now (on demand). `connectorId` must come from the store (read from ARM
   * before), never straight from a request.
   */
  refreshConnector(
    connectorId: string,
    signal?: AbortSignal,
  ): Promise<{ ok: boolean; transitions: ConnectorTransition[] }> {
    return this.once(`connector:${connectorId.toLowerCase()}`, () =>
      this.runConnector(connectorId, signal),
    );
  }

  private once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = run().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async runSubscription(subscriptionId: string, signal?: AbortSignal) {
    const { arm, store, logger } = this.options;
    const started = this.now();
    try {
      let snapshots: ConnectorSnapshot[] = [];
      // Everything is read at once: the health reports, plans and findings do not depend on the
      // connector list (a subscription-wide read each), so the refresh takes as long as its
      // longest paging, not the sum. When the subscription holds no Docker Hub connector, the
      // other reads are cancelled and their answers ignored.
      const others = new AbortController();
      const onAbort = () => others.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const dockerHub = arm
          .listSecurityConnectors(subscriptionId, { signal })
          .catch(e => {
            // Connectors need Microsoft.Security registered: an unregistered subscription holds
            // none. That is an answer (nothing there), not a failed read.
            if (
              e instanceof ArmError &&
              e.code === 'MissingSubscriptionRegistration'
            ) {
              logger.debug(
                `Microsoft.Security is not registered on subscription ${subscriptionId}: it holds no connectors`,
              );
              return [];
            }
            throw e;
          })
          .then(listed =>
            listed.flatMap(connector => {
              const organization = dockerHubOrganizationOf(connector);
              return organization ? [{ connector, organization }] : [];
            }),
          );
        const rest = Promise.all([
          arm.listSubscriptionHealthReports(subscriptionId, {
            signal: others.signal,
          }),
          arm.getPricing(subscriptionId, 'Containers', {
            signal: others.signal,
          }),
          arm.getPricing(subscriptionId, 'CloudPosture', {
            signal: others.signal,
          }),
          this.findings(
            subscriptionId,
            dockerHub.then(list => list.map(d => d.connector.id)),
            undefined,
            others.signal,
          ),
        ]);
        // Settled either way: an ignored read must not surface as an unhandled rejection.
        rest.catch(() => undefined);
        const found = await dockerHub.catch(e => {
          others.abort(e);
          throw e;
        });
        if (found.length === 0) {
          others.abort();
        } else {
          const [reports, containers, cspm, findings] = await rest;
          const reportsOf = groupByConnector(reports);
          snapshots = found.map(({ connector, organization }) =>
            buildConnectorSnapshot({
              connector,
              organization,
              reports: reportsOf(connector.id),
              pricings: { containers, cspm },
              findings: findings.get(connector.id.toLowerCase()),
            }),
          );
        }
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      await warnAboutMissingFindings({
        arm,
        subscriptionId,
        missing: connectorsMissingFindings(
          snapshots,
          new Date(
            started.getTime() - this.options.config.findings.firstScanMs,
          ),
        ),
        filter: this.options.config.findings.filter,
        logger,
        signal,
      });
      signal?.throwIfAborted();
      const { previous, applied } = await store.replaceSubscription(
        subscriptionId,
        snapshots,
        started,
      );
      // Only what this refresh wrote: a connector a later read already stored is its news.
      const transitions = diff(previous, applied, subscriptionId, started);
      await this.publish(transitions);
      return {
        outcome: { subscriptionId, ok: true, connectors: snapshots.length },
        transitions,
      };
    } catch (e) {
      const error = describe(e);
      if (signal?.aborted) {
        // Our own timeout, not Azure's failure: the data stays as it was, not stale.
        logger.warn(
          `Defender health refresh of subscription ${subscriptionId} stopped at the refresh's timeout; its stored data is unchanged`,
        );
        return {
          outcome: {
            subscriptionId,
            ok: false,
            connectors: 0,
            error: 'stopped at the timeout',
          },
          transitions: [],
        };
      }
      logger.warn(
        `Defender health refresh of subscription ${subscriptionId} failed; keeping its last good data (stale): ${error}`,
      );
      let transitions: ConnectorTransition[] = [];
      try {
        const { previous } = await store.markSubscriptionFailed(
          subscriptionId,
          started,
          error,
        );
        transitions = previous
          .filter(p => !p.failingSince)
          .map(p => transition(p, 'stale', 0, started));
        await this.publish(transitions);
      } catch (storeError) {
        logger.error(
          `Could not record the failed refresh of subscription ${subscriptionId}: ${describe(
            storeError,
          )}`,
        );
      }
      return {
        outcome: { subscriptionId, ok: false, connectors: 0, error },
        transitions,
      };
    }
  }

  private async runConnector(connectorId: string, signal?: AbortSignal) {
    const { arm, store, logger } = this.options;
    const started = this.now();
    const { subscriptionId } = parseSecurityConnectorId(connectorId);
    try {
      const connector = await arm.getSecurityConnector(connectorId, { signal });
      const organization = connector && dockerHubOrganizationOf(connector);
      if (!connector || !organization) {
        const { previous } = await store.removeConnector(connectorId, started);
        const transitions = previous
          ? [
              transition(
                previous,
                'missing',
                -previous.totals.critical,
                started,
              ),
            ]
          : [];
        await this.publish(transitions);
        return { ok: true, transitions };
      }
      const [reports, containers, cspm, findings] = await Promise.all([
        arm.listHealthReports(connector.id, { signal }),
        arm.getPricing(subscriptionId, 'Containers', { signal }),
        arm.getPricing(subscriptionId, 'CloudPosture', { signal }),
        this.findings(subscriptionId, [connector.id], connector.id, signal),
      ]);
      const snapshot = buildConnectorSnapshot({
        connector,
        organization,
        reports,
        pricings: { containers, cspm },
        findings: findings.get(connector.id.toLowerCase()),
      });
      signal?.throwIfAborted();
      const { previous, applied } = await store.upsertConnector(
        snapshot,
        started,
      );
      const transitions = applied
        ? diff(previous ? [previous] : [], [snapshot], subscriptionId, started)
        : [];
      await this.publish(transitions);
      return { ok: true, transitions };
    } catch (e) {
      const error = describe(e);
      logger.warn(
        `Defender health refresh of connector ${connectorId} failed: ${error}`,
      );
      const { previous } = await store
        .markConnectorFailed(connectorId, started, error)
        .catch(() => ({ previous: undefined }));
      const transitions =
        previous && !previous.failingSince
          ? [transition(previous, 'stale', 0, started)]
          : [];
      await this.publish(transitions);
      return { ok: false, transitions };
    }
  }

  private async findings(
    subscriptionId: string,
    connectorIds: string[] | Promise<string[]>,
    narrowTo: string | undefined,
    signal?: AbortSignal,
  ) {
    const { arm, config, logger } = this.options;
    const result = await collectFindings({
      arm,
      subscriptionId,
      connectorIds,
      narrowTo,
      filter: config.findings.filter,
      worstPerConnector: config.findings.worstPerConnector,
      pageSize: config.findings.pageSize,
      maxPages: config.findings.maxPages,
      logger,
      signal,
    });
    // The Docker Hub value of resourceDetails.Source is undocumented: say what real data holds,
    // loudly the first time a value shows up, so the filter can be corrected from config.
    const fresh = [...result.sources].filter(s => !this.seenSources.has(s));
    fresh.forEach(s => this.seenSources.add(s));
    const sources = [...result.sources].map(s => JSON.stringify(s)).join(', ');
    const message = `Resource Graph findings of subscription ${subscriptionId}: resourceDetails.Source values seen [${sources}]; ${result.otherRows} summary rows of other connectors ignored`;
    if (fresh.length) logger.info(message);
    else logger.debug(message);
    return result.byConnector;
  }

  private async publish(transitions: ConnectorTransition[]) {
    if (transitions.length === 0) return;
    try {
      await this.options.publisher.publish(transitions);
    } catch (e) {
      // Announcing is best effort: the stored snapshot is what matters.
      this.options.logger.warn(
        `Could not publish ${
          transitions.length
        } Defender health transitions: ${describe(e)}`,
      );
    }
  }
}

const REPORTS_PATH = '/providers/microsoft.security/healthreports/';

/**
 * The subscription's health reports by connector: a report belongs to the connector its
 * `resourceDetails.id` names, or under whose id it lives. Grouped once, so matching stays linear
 * with thousands of connectors (a filter per connector was quadratic).
 */
function groupByConnector<
  R extends { id?: string; properties?: { resourceDetails?: { id?: string } } },
>(reports: R[]): (connectorId: string) => R[] {
  const byConnector = new Map<string, R[]>();
  for (const report of reports) {
    const keys = new Set<string>();
    const named = report.properties?.resourceDetails?.id?.toLowerCase();
    if (named) keys.add(named);
    const id = report.id?.toLowerCase();
    const at = id?.indexOf(REPORTS_PATH) ?? -1;
    if (id && at > 0) keys.add(id.slice(0, at));
    for (const key of keys) {
      const list = byConnector.get(key);
      if (list) list.push(report);
      else byConnector.set(key, [report]);
    }
  }
  return connectorId => byConnector.get(connectorId.toLowerCase()) ?? [];
}

function transition(
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

/** Status changes and growing Critical counts between what was stored and the new snapshots. */
function diff(
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
    if (from !== s.reportedStatus || delta > 0) {
      result.push({
        connectorId: s.id,
        organization: s.organization,
        subscriptionId: s.subscriptionId ?? subscriptionId,
        from,
        to: s.reportedStatus,
        previousReportedStatus: before?.reportedStatus,
        issues: s.issues.map(i => i.title),
        criticalDelta: delta,
        at: at.toISOString(),
      });
    }
  }
  for (const p of previous) {
    if (!current.has(p.id.toLowerCase())) {
      result.push(transition(p, 'missing', -p.totals.critical, at));
    }
  }
  return result;
}
