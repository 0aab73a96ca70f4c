import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import {
  defenderArmClientServiceRef,
  defenderConfigServiceRef,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { CONNECTORS_CHANGED_TOPIC } from '@defender-backstage/plugin-defender-for-containers-common';
import { DefenderConnectorEntityProvider } from './DefenderConnectorEntityProvider';
import { listDockerHubConnectors } from './listDockerHubConnectors';

/**
 * Catalog module that mirrors the Docker Hub security connectors of the allowed subscriptions as
 * Resource entities: on a schedule, and at once when an onboarding or offboarding task publishes
 * on the `defender-for-containers.connectors` events topic.
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
        defender: defenderConfigServiceRef,
      },
      async init({
        catalog,
        config,
        logger,
        scheduler,
        events,
        arm,
        defender,
      }) {
        const subscriptionIds = defender.azure.subscriptions.map(s => s.id);
        const provider = new DefenderConnectorEntityProvider({
          listConnectors: () =>
            listDockerHubConnectors({ arm, subscriptionIds, logger }),
          defaultOwner:
            config.getOptionalString(
              'defenderForContainers.catalog.defaultOwner',
            ) ?? 'group:default/guests',
          portal: defender.azure.portal,
          logger,
        });
        catalog.addEntityProvider(provider);

        const refreshMinutes =
          config.getOptionalNumber(
            'defenderForContainers.catalog.refreshMinutes',
          ) ?? 30;
        await scheduler.scheduleTask({
          id: 'defender-for-containers-connector-entities',
          frequency: { minutes: refreshMinutes },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 5 },
          fn: () => provider.refresh(),
        });

        await events.subscribe({
          id: 'defender-for-containers-connector-entities',
          topics: [CONNECTORS_CHANGED_TOPIC],
          onEvent: async () => {
            await provider.refresh();
          },
        });
      },
    });
  },
});
