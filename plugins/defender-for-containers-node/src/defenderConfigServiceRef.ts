import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { DefenderForContainersConfig } from './config/DefenderForContainersConfig';
import { readDefenderConfig } from './config/readDefenderConfig';

/**
 * `defenderForContainers`, read and checked once for the whole backend: a bad config fails
 * startup naming the key. The clients, the backend plugin and the scaffolder module all use it.
 * @public
 */
export const defenderConfigServiceRef =
  createServiceRef<DefenderForContainersConfig>({
    id: 'defender-for-containers.config',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) => readDefenderConfig(config),
      }),
  });
