/**
 * Backend plugin and catalog module of the Defender for Containers × Docker Hub plugins.
 *
 * @packageDocumentation
 */
export { defenderForContainersPlugin as default } from './plugin';
export { catalogModuleDefenderConnectors } from './catalog/catalogModuleDefenderConnectors';
export { defenderHealthServiceRef } from './service/defenderHealthServiceRef';
export type {
  ConnectorListQuery,
  ConnectorRefreshRequest,
  DefenderHealthService,
  EntityFindingsQuery,
} from './service/DefenderHealthService';
export type {
  RefreshSummary,
  SubscriptionOutcome,
} from './refresh/RefreshSummary';
export {
  HEALTH_TRANSITIONS_TOPIC,
  type ConnectorTransition,
  type ConnectorTransitionPublisher,
} from './refresh/ConnectorTransition';
