import {
  createServiceFactory,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import {
  catalogProcessingExtensionPoint,
  type EntityProvider,
} from '@backstage/plugin-catalog-node';
import {
  eventsServiceRef,
  type EventsService,
} from '@backstage/plugin-events-node';
import {
  defenderArmClientServiceRef,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { catalogModuleDefenderConnectors } from '../catalog/catalogModuleDefenderConnectors';

/**
 * The catalog module in a test backend on this ARM client and events bus, with the entity
 * provider it adds to the catalog (none when it adds none).
 */
export async function startCatalogModule(options: {
  /** `defenderForContainers`, as in app-config. */
  config: JsonObject;
  arm: Partial<DefenderArmClient>;
  events: EventsService;
  features?: BackendFeature[];
}): Promise<{ provider?: EntityProvider; stop(): Promise<void> }> {
  let provider: EntityProvider | undefined;
  const backend = await startTestBackend({
    extensionPoints: [
      [
        catalogProcessingExtensionPoint,
        { addEntityProvider: (p: EntityProvider) => (provider = p) },
      ],
    ],
    features: [
      catalogModuleDefenderConnectors,
      mockServices.rootConfig.factory({
        data: { defenderForContainers: options.config },
      }),
      createServiceFactory({
        service: eventsServiceRef,
        deps: {},
        factory: () => options.events,
      }),
      createServiceFactory({
        service: defenderArmClientServiceRef,
        deps: {},
        factory: () => options.arm as DefenderArmClient,
      }),
      ...(options.features ?? []),
    ],
  });
  return { provider, stop: () => backend.stop() };
}
