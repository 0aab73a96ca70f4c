import type { EventsService } from '@backstage/plugin-events-node';
import type {
  ConnectorStatus,
  ReportedConnectorStatus,
  TokenExpiry,
} from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * A connector whose status changed, or whose Critical findings grew, in a refresh. What the
 * notifications of a follow-up use: "turned unhealthy", "new critical findings", once per change.
 * @public
 */
export interface ConnectorTransition {
  connectorId: string;
  organization: string;
  subscriptionId: string;
  /** Undefined for a connector seen for the first time. */
  from?: ConnectorStatus;
  /** `missing` = the connector was deleted in Azure. */
  to: ConnectorStatus;
  /**
   * What Azure reported at the last successful read before this one — what `from: 'stale'`
   * hides, so "healthy, a failed refresh, then unhealthy" still reads as turning unhealthy.
   * Undefined for a connector seen for the first time.
   */
  previousReportedStatus?: ReportedConnectorStatus;
  /** Titles of the connector's health issues now (Defender's issue names; never a secret). */
  issues?: string[];
  /** Critical findings now minus before (positive = new ones). */
  criticalDelta: number;
  /**
   * Set when the connector's Docker Hub token reached a stage its owner is told of (14 days, 3
   * days, expired) since the last read: once per stage, as the refresh that saw it wrote.
   */
  tokenExpiry?: TokenExpiry;
  at: string;
}

/**
 * Where the refresh announces transitions. The default publishes them on the events topic
 * `defender-for-containers.health-transitions`.
 * @public
 */
export interface ConnectorTransitionPublisher {
  publish(transitions: ConnectorTransition[]): Promise<void>;
}

/** @public */
export const HEALTH_TRANSITIONS_TOPIC =
  'defender-for-containers.health-transitions';

/** Publishes transitions on the Backstage events bus (in-process, or across replicas with the events backend). */
export class EventsConnectorTransitionPublisher
  implements ConnectorTransitionPublisher
{
  constructor(private readonly events: EventsService) {}

  async publish(transitions: ConnectorTransition[]): Promise<void> {
    if (transitions.length === 0) return;
    await this.events.publish({
      topic: HEALTH_TRANSITIONS_TOPIC,
      eventPayload: { transitions },
    });
  }
}
