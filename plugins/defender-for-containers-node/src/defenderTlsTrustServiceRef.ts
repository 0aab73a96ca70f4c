import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import {
  createDefenderTlsTrust,
  type DefenderTlsTrust,
} from './config/createDefenderTlsTrust';
import { optionalDefenderConfigServiceRef } from './optionalDefenderConfigServiceRef';

/**
 * What `defenderTlsTrustServiceRef` provides.
 * @public
 */
export interface DefenderTlsTrustService {
  /** `undefined` without `caFile`: nothing is built and the clients use Node's defaults. */
  readonly trust: DefenderTlsTrust | undefined;
}

/**
 * The TLS trust of every Defender for Containers client in the backend: Node's default CAs plus
 * `defenderForContainers.caFile`, read and parsed once. Root-scoped because the clients are
 * built once per plugin (the backend plugin, its catalog module, the scaffolder module): a
 * plugin-scoped trust would be read, parsed and pooled once per plugin instead of once per
 * process.
 * @public
 */
export const defenderTlsTrustServiceRef =
  createServiceRef<DefenderTlsTrustService>({
    id: 'defender-for-containers.tls-trust',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: {
          optionalConfig: optionalDefenderConfigServiceRef,
          lifecycle: coreServices.rootLifecycle,
          logger: coreServices.rootLogger,
        },
        factory({ optionalConfig, lifecycle, logger }) {
          const { caFile } = optionalConfig.configured
            ? optionalConfig.config
            : optionalConfig;
          const trust = createDefenderTlsTrust({ caFile });
          if (trust) {
            logger.info(
              `Defender for Containers trusts Node's default CAs plus ${caFile}`,
            );
            lifecycle.addShutdownHook(() => trust.close());
          }
          return { trust };
        },
      }),
  });
