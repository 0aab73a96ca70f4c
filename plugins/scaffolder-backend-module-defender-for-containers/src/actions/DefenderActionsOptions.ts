import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  DefenderArmClient,
  DockerHubClient,
} from '@defender-backstage/plugin-defender-for-containers-node';

/**
 * What the `defender:dockerhub:*` actions need: the shared clients and the allowed subscriptions
 * (from `defenderForContainers.azure.subscriptions`, read once by the module).
 * @public
 */
export interface DefenderActionsOptions {
  arm: DefenderArmClient;
  dockerHub: DockerHubClient;
  subscriptions: AllowedSubscription[];
}
