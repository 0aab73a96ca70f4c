import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import type { HealthConfig } from '../service/readHealthConfig';
import type { HealthStore } from '../store/HealthStore';
import type { ConnectorFindings } from './collectFindings';
import type { ConnectorTransition } from './ConnectorTransition';

/** What a scheduled or on-demand refresh run works with; one per `HealthRefresher`. */
export interface RefreshContext {
  arm: DefenderArmClient;
  store: HealthStore;
  config: HealthConfig;
  logger: LoggerService;
  /** Best effort: a failed announcement is logged, never thrown (the stored snapshot matters). */
  publish(transitions: ConnectorTransition[]): Promise<void>;
  /**
   * `collectFindings` with the configured query settings, by lower-cased connector id;
   * `narrowTo` one connector id (on demand).
   */
  findings(
    subscriptionId: string,
    connectorIds: string[] | Promise<string[]>,
    narrowTo: string | undefined,
    signal?: AbortSignal,
  ): Promise<Map<string, ConnectorFindings>>;
}
