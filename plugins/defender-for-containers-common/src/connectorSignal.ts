/**
 * The signals channel (`@backstage/plugin-signals`) on which the backend announces that an
 * on-demand refresh of a connector landed in the database (with new data, or as stale when it
 * failed). Broadcast: the message carries no data of the connector, so whoever receives it
 * reloads through the permission-checked routes.
 * @public
 */
export const CONNECTOR_SIGNAL_CHANNEL = 'defender-for-containers:connectors';

/**
 * A message on `CONNECTOR_SIGNAL_CHANNEL`.
 * @public
 */
// A type, not an interface: the signals service takes JSON objects, which need an index signature.
export type ConnectorSignal = {
  type: 'connectorRefreshed';
  /** ARM id of the connector, as stored (compare case-insensitively). */
  connectorId: string;
  /** When the refresh wrote, ISO time. */
  refreshedAt: string;
};
