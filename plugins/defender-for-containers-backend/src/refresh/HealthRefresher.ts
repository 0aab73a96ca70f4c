import type { LoggerService } from '@backstage/backend-plugin-api';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import pLimit from 'p-limit';
import type { HealthConfig } from '../service/readHealthConfig';
import { dateOf } from '../store/connectorRows';
import type { HealthStore } from '../store/HealthStore';
import { collectFindings } from './collectFindings';
import type {
  ConnectorTransition,
  ConnectorTransitionPublisher,
} from './ConnectorTransition';
import { describeError } from './redactSecrets';
import type { RefreshContext } from './RefreshContext';
import type { RefreshSummary, SubscriptionOutcome } from './RefreshSummary';
import { runConnectorRefresh } from './runConnectorRefresh';
import { runSubscriptionRefresh } from './runSubscriptionRefresh';

/** Subscriptions refreshed at once; more would only spend the ARM read budget faster. */
const CONCURRENCY = 4;

/**
 * Reads connector health from Azure into the store: every allowed subscription on schedule
 * (`runSubscriptionRefresh`), one connector on demand (`runConnectorRefresh`). A failing
 * subscription keeps its last good data (marked stale) and does not stop the others. Throttling
 * (429 + Retry-After) and transient 5xx are retried by the ARM client's pipeline.
 */
export class HealthRefresher {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly seenSources = new Set<string>();
  private readonly now: () => Date;
  private readonly context: RefreshContext;

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
    const { arm, store, config, logger } = options;
    this.context = {
      arm,
      store,
      config,
      logger,
      publish: transitions => this.publish(transitions),
      findings: (...args) => this.findings(...args),
    };
  }

  /** Every allowed subscription, then history older than `historyDays` is pruned. */
  async refreshAll(signal?: AbortSignal): Promise<RefreshSummary> {
    const { subscriptions, logger } = this.options;
    const results = await pLimit(CONCURRENCY).map(subscriptions, s =>
      // A run stopped by its timeout starts no further reads.
      signal?.aborted ? undefined : this.refreshSubscription(s.id, signal),
    );
    const done = results.filter(r => r !== undefined);
    const outcomes = done.map(r => r.outcome);
    await this.pruneHistory();
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
      transitions: done.flatMap(r => r.transitions),
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
      runSubscriptionRefresh(this.context, subscriptionId, this.now(), signal),
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
      runConnectorRefresh(this.context, connectorId, this.now(), signal),
    );
  }

  private once<T>(key: string, run: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const promise = run().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async pruneHistory() {
    const { store, config, logger } = this.options;
    const cutoff = dateOf(
      new Date(this.now().getTime() - config.historyDays * 86_400_000),
    );
    try {
      const pruned = await store.pruneHistory(cutoff);
      if (pruned)
        logger.debug(`Pruned ${pruned} history rows before ${cutoff}`);
    } catch (e) {
      logger.warn(
        `Could not prune Defender health history: ${describeError(e)}`,
      );
    }
  }

  private async findings(
    ...[subscriptionId, connectorIds, narrowTo, signal]: Parameters<
      RefreshContext['findings']
    >
  ) {
    const { arm, config, logger } = this.options;
    const result = await collectFindings({
      arm,
      subscriptionId,
      connectorIds,
      narrowTo,
      filter: config.findings.filter,
      worstPerConnector: config.findings.worstPerConnector,
      maxPerConnector: config.findings.maxPerConnector,
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
      this.options.logger.warn(
        `Could not publish ${
          transitions.length
        } Defender health transitions: ${describeError(e)}`,
      );
    }
  }
}
