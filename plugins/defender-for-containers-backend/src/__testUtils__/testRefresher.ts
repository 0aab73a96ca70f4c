import type { LoggerService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import type { ConnectorTransition } from '../refresh/ConnectorTransition';
import { HealthRefresher } from '../refresh/HealthRefresher';
import { readHealthConfig } from '../service/readHealthConfig';
import type { HealthStore } from '../store/HealthStore';

/**
 * A `HealthRefresher` as the service factory builds it, on the emulator's real client and the
 * given store; what it publishes goes to `publish`.
 */
export function testRefresher(options: {
  /** Its client and allowed subscriptions (a `DefenderTestEmulator`, or a fake of them). */
  emulator: {
    arm: DefenderArmClient;
    config: { azure: { subscriptions: AllowedSubscription[] } };
  };
  store: HealthStore;
  /** Default: the emulator's client; pass a wrapper to watch or hold its calls. */
  arm?: DefenderArmClient;
  /** Default: the emulator's allowed subscriptions. */
  subscriptions?: AllowedSubscription[];
  /** `defenderForContainers.health`, as in app-config. */
  health?: JsonObject;
  logger?: LoggerService;
  publish?: (transitions: ConnectorTransition[]) => void;
  now?: () => Date;
}): HealthRefresher {
  const { emulator } = options;
  return new HealthRefresher({
    arm: options.arm ?? emulator.arm,
    store: options.store,
    subscriptions: options.subscriptions ?? emulator.config.azure.subscriptions,
    config: readHealthConfig(
      new ConfigReader({
        defenderForContainers: { health: options.health ?? {} },
      }),
    ),
    logger: options.logger ?? mockServices.logger.mock(),
    publisher: {
      publish: async transitions => {
        options.publish?.(transitions);
      },
    },
    now: options.now,
  });
}
