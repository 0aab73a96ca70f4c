/**
 * Backend plugin and catalog module of the Defender for Containers × Docker Hub plugins.
 *
 * @packageDocumentation
 */
export { defenderForContainersPlugin as default } from './plugin';
export { catalogModuleDefenderConnectors } from './catalog/catalogModuleDefenderConnectors';
export { defenderHealthServiceRef } from './health/defenderHealthServiceRef';
export type {
  ConnectorListQuery,
  ConnectorRefreshRequest,
  DefenderHealthService,
} from './health/DefenderHealthService';
export type {
  RefreshSummary,
  SubscriptionOutcome,
} from './health/HealthRefresher';
export {
  HEALTH_TRANSITIONS_TOPIC,
  type ConnectorTransition,
  type ConnectorTransitionPublisher,
} from './health/ConnectorTransition';
