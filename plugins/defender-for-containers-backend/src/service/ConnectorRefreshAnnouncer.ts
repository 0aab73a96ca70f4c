import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  CONNECTOR_SIGNAL_CHANNEL,
  type ConnectorSignal,
} from '@defender-backstage/plugin-defender-for-containers-common';

/** Tells the frontends that an on-demand refresh of a connector has landed in the database. */
export interface ConnectorRefreshAnnouncer {
  refreshed(connectorId: string, at: Date): Promise<void>;
}

/**
 * Over Backstage signals, to every connected browser: the message holds no data of the
 * connector (only its id), so a card that hears it reloads through the permission-checked route,
 * and a viewer who may not see the connector learns nothing new.
 */
export class SignalsConnectorRefreshAnnouncer
  implements ConnectorRefreshAnnouncer
{
  constructor(private readonly signals: SignalsService) {}

  async refreshed(connectorId: string, at: Date): Promise<void> {
    await this.signals.publish<ConnectorSignal>({
      recipients: { type: 'broadcast' },
      channel: CONNECTOR_SIGNAL_CHANNEL,
      message: {
        type: 'connectorRefreshed',
        connectorId,
        refreshedAt: at.toISOString(),
      },
    });
  }
}
