import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  defenderArmClientServiceRef,
  optionalDefenderConfigServiceRef,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { CONNECTORS_CHANGED_TOPIC } from '@defender-backstage/plugin-defender-for-containers-common';
import { DefenderConnectorEntityProvider } from './DefenderConnectorEntityProvider';
import { listDockerHubConnectors } from './listDockerHubConnectors';
import { triggerAfterCurrentRun } from './triggerAfterCurrentRun';

const TASK_ID = 'defender-for-containers-connector-entities';

/**
 * Catalog module that mirrors the Docker Hub security connectors of the allowed subscriptions as
 * Resource entities: on a schedule, and at once when an onboarding or offboarding task publishes
 * on the `defender-for-containers.connectors` events topic. Without
 * `defenderForContainers.azure.subscriptions` it logs one warning naming the keys to set and
 * adds nothing, so the catalog (and the rest of the backend) still starts.
 *
 * @public
 */
export const catalogModuleDefenderConnectors = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'defender-for-containers-connectors',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        events: eventsServiceRef,
        arm: defenderArmClientServiceRef,
        // Optional: an app that installs the packages before configuring Azure must still start.
        optionalConfig: optionalDefenderConfigServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        events,
        arm,
        optionalConfig,
      }) {
        if (!optionalConfig.configured) {
          logger.warn(
            `Defender connector entities are off: ${optionalConfig.message}`,
          );
          return;
        }
        const defender = optionalConfig.config;
        const subscriptionIds = defender.azure.subscriptions.map(s => s.id);
        const provider = new DefenderConnectorEntityProvider({
          listConnectors: () =>
            listDockerHubConnectors({ arm, subscriptionIds, logger }),
          defaultOwner: config.getOptionalString(
            'defenderForContainers.catalog.defaultOwner',
          ),
          portal: defender.azure.portal,
          logger,
        });
        catalog.addEntityProvider(provider);

        const refreshMinutes =
          config.getOptionalNumber(
            'defenderForContainers.catalog.refreshMinutes',
          ) ?? 30;
        // Every full mutation runs as this global task, one at a time across replicas: a
        // listing read before an onboarding can never be applied after the one read since.
        await scheduler.scheduleTask({
          id: TASK_ID,
          scope: 'global',
          frequency: { minutes: refreshMinutes },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          fn: () => provider.refresh(),
        });

        await events.subscribe({
          id: TASK_ID,
          topics: [CONNECTORS_CHANGED_TOPIC],
          onEvent: async () => {
            await triggerAfterCurrentRun({
              scheduler,
              taskId: TASK_ID,
              logger,
              maxWaitMs: 5 * 60_000,
            });
          },
        });
      },
    });
  },
});
