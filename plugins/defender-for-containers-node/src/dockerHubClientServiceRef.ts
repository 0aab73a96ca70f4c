import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { DockerHubClient } from './dockerhub/DockerHubClient';
import { FetchDockerHubClient } from './dockerhub/FetchDockerHubClient';
import { defenderTlsTrustServiceRef } from './defenderTlsTrustServiceRef';
import { optionalDefenderConfigServiceRef } from './optionalDefenderConfigServiceRef';

/**
 * The Docker Hub client of the Defender for Containers plugins (endpoints from
 * `defenderForContainers.dockerHub`, extra CA from `defenderForContainers.caFile` through
 * `defenderTlsTrustServiceRef`). Docker Hub does not depend on Azure, so it is built even while
 * the Azure subscriptions are not configured.
 * @public
 */
export const dockerHubClientServiceRef = createServiceRef<DockerHubClient>({
  id: 'defender-for-containers.dockerhub-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        optionalConfig: optionalDefenderConfigServiceRef,
        tls: defenderTlsTrustServiceRef,
        logger: coreServices.logger,
      },
      factory({ optionalConfig, tls: { trust }, logger }) {
        const { dockerHub } = optionalConfig.configured
          ? optionalConfig.config
          : optionalConfig;
        return new FetchDockerHubClient({ dockerHub, trust, logger });
      },
    }),
});
