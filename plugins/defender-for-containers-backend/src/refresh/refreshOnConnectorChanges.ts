import type { LoggerService } from '@backstage/backend-plugin-api';
import type { EventsService } from '@backstage/plugin-events-node';
import {
  CONNECTORS_CHANGED_TOPIC,
  readConnectorId,
} from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * Reads a connector from Azure as soon as onboarding, a token rotation or offboarding announces
 * it (`CONNECTORS_CHANGED_TOPIC`), instead of at the next scheduled refresh: right after
 * onboarding the entity card shows the new connector as pending, not as "not onboarded", and
 * after offboarding it is gone. Ids outside the allowed subscriptions are ignored, so an event
 * can never make Backstage read a subscription it was not configured for.
 */
export async function refreshOnConnectorChanges(options: {
  events: EventsService;
  refresher: { refreshConnector(connectorId: string): Promise<unknown> };
  subscriptions: Array<{ id: string }>;
  logger: LoggerService;
}): Promise<void> {
  const { events, refresher, subscriptions, logger } = options;
  await events.subscribe({
    id: 'defender-for-containers-health',
    topics: [CONNECTORS_CHANGED_TOPIC],
    onEvent: async event => {
      const payload = event.eventPayload as { connectorId?: unknown };
      const id =
        typeof payload?.connectorId === 'string'
          ? payload.connectorId
          : undefined;
      const parts = id ? readConnectorId(id) : undefined;
      if (
        !id ||
        !parts ||
        !subscriptions.some(
          s => s.id.toLowerCase() === parts.subscriptionId.toLowerCase(),
        )
      ) {
        logger.debug(
          `Ignored a connector change outside the allowed subscriptions: ${String(
            id,
          ).slice(0, 300)}`,
        );
        return;
      }
      try {
        await refresher.refreshConnector(id);
      } catch (e) {
        // The scheduled refresh reads it anyway; this only makes it sooner.
        logger.warn(`Refresh of the changed connector ${id} failed: ${e}`);
      }
    },
  });
}
