import {
  dockerHubOrganizationOf,
  parseSecurityConnectorId,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { buildConnectorSnapshot } from './buildConnectorSnapshot';
import type { ConnectorTransition } from './ConnectorTransition';
import { transitionOf, transitionsBetween } from './connectorTransitions';
import { describeError } from './redactSecrets';
import type { RefreshContext } from './RefreshContext';

/**
 * One connector on demand, with connector-scope calls only (its health reports, and both findings
 * queries narrowed to it), so its cost does not follow the subscription's size. A connector gone
 * from Azure is removed. `connectorId` must come from the store (read from ARM before), never
 * straight from a request.
 */
export async function runConnectorRefresh(
  context: RefreshContext,
  connectorId: string,
  started: Date,
  signal?: AbortSignal,
): Promise<{ ok: boolean; transitions: ConnectorTransition[] }> {
  const { arm, store, logger } = context;
  const { subscriptionId } = parseSecurityConnectorId(connectorId);
  try {
    const connector = await arm.getSecurityConnector(connectorId, { signal });
    const organization = connector && dockerHubOrganizationOf(connector);
    if (!connector || !organization) {
      const { previous } = await store.removeConnector(connectorId, started);
      const transitions = previous
        ? [
            transitionOf(
              previous,
              'missing',
              -previous.totals.critical,
              started,
            ),
          ]
        : [];
      await context.publish(transitions);
      return { ok: true, transitions };
    }
    const [reports, containers, cspm, findings] = await Promise.all([
      arm.listHealthReports(connector.id, { signal }),
      arm.getPricing(subscriptionId, 'Containers', { signal }),
      arm.getPricing(subscriptionId, 'CloudPosture', { signal }),
      context.findings(subscriptionId, [connector.id], connector.id, signal),
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
      ? transitionsBetween(
          previous ? [previous] : [],
          [snapshot],
          subscriptionId,
          started,
        )
      : [];
    await context.publish(transitions);
    return { ok: true, transitions };
  } catch (e) {
    const error = describeError(e);
    logger.warn(
      `Defender health refresh of connector ${connectorId} failed: ${error}`,
    );
    const { previous } = await store
      .markConnectorFailed(connectorId, started, error)
      .catch(() => ({ previous: undefined }));
    const transitions =
      previous && !previous.failingSince
        ? [transitionOf(previous, 'stale', 0, started)]
        : [];
    await context.publish(transitions);
    return { ok: false, transitions };
  }
}
