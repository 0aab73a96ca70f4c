import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  readOptionalDefenderConfig,
  type OptionalDefenderConfig,
} from './config/readOptionalDefenderConfig';

/**
 * `defenderForContainers`, or what to configure when it is absent. For features that must start
 * without Azure set up (the backend plugin answers every request with what to configure);
 * `defenderConfigServiceRef` is for those that cannot work without it.
 * @public
 */
export const optionalDefenderConfigServiceRef =
  createServiceRef<OptionalDefenderConfig>({
    id: 'defender-for-containers.optional-config',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory: ({ config }) => readOptionalDefenderConfig(config),
      }),
  });
