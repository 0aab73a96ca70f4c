import {
  ArmError,
  dockerHubOrganizationOf,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { ConnectorSnapshot } from '../store/HealthStore';
import { buildConnectorSnapshot } from './buildConnectorSnapshot';
import type { ConnectorTransition } from './ConnectorTransition';
import { transitionOf, transitionsBetween } from './connectorTransitions';
import { groupReportsByConnector } from './groupReportsByConnector';
import { describeError } from './redactSecrets';
import type { RefreshContext } from './RefreshContext';
import type { SubscriptionOutcome } from './RefreshSummary';
import {
  connectorsMissingFindings,
  warnAboutMissingFindings,
} from './warnAboutMissingFindings';

/**
 * The Docker Hub connectors of a subscription as Azure describes them now. Everything is read at
 * once: the health reports, plans and findings do not depend on the connector list (a
 * subscription-wide read each), so this takes as long as the longest paging, not the sum. When
 * the subscription holds no Docker Hub connector, the other reads are cancelled and their
 * answers ignored.
 */
async function readSubscription(
  context: RefreshContext,
  subscriptionId: string,
  signal?: AbortSignal,
): Promise<ConnectorSnapshot[]> {
  const { arm, logger } = context;
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
      arm.getPricing(subscriptionId, 'Containers', { signal: others.signal }),
      arm.getPricing(subscriptionId, 'CloudPosture', { signal: others.signal }),
      context.findings(
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
      return [];
    }
    const [reports, containers, cspm, findings] = await rest;
    const reportsOf = groupReportsByConnector(reports);
    return found.map(({ connector, organization }) =>
      buildConnectorSnapshot({
        connector,
        organization,
        reports: reportsOf(connector.id),
        pricings: { containers, cspm },
        findings: findings.get(connector.id.toLowerCase()),
      }),
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Reads one subscription (the connectors, paged; its health reports in one list for all
 * connectors; the two Defender plans; two Resource Graph queries for findings), then ONE
 * transaction replaces its snapshot. A failed read keeps the last good data, marked stale since
 * `started`; a read stopped by `signal` (the run's timeout) changes nothing.
 */
export async function runSubscriptionRefresh(
  context: RefreshContext,
  subscriptionId: string,
  started: Date,
  signal?: AbortSignal,
): Promise<{
  outcome: SubscriptionOutcome;
  transitions: ConnectorTransition[];
}> {
  const { arm, store, logger, config } = context;
  try {
    const snapshots = await readSubscription(context, subscriptionId, signal);
    await warnAboutMissingFindings({
      arm,
      subscriptionId,
      missing: connectorsMissingFindings(
        snapshots,
        new Date(started.getTime() - config.findings.firstScanMs),
      ),
      filter: config.findings.filter,
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
    const transitions = transitionsBetween(
      previous,
      applied,
      subscriptionId,
      started,
    );
    await context.publish(transitions);
    return {
      outcome: { subscriptionId, ok: true, connectors: snapshots.length },
      transitions,
    };
  } catch (e) {
    const error = describeError(e);
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
        .map(p => transitionOf(p, 'stale', 0, started));
      await context.publish(transitions);
    } catch (storeError) {
      logger.error(
        `Could not record the failed refresh of subscription ${subscriptionId}: ${describeError(
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
