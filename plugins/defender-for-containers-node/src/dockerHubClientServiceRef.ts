import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { DockerHubClient } from './dockerhub/DockerHubClient';
import { FetchDockerHubClient } from './dockerhub/FetchDockerHubClient';
import { loadTrustedCertificates } from './config/loadTrustedCertificates';
import { optionalDefenderConfigServiceRef } from './optionalDefenderConfigServiceRef';

/**
 * The Docker Hub client of the Defender for Containers plugins (endpoints from
 * `defenderForContainers.dockerHub`, extra CA from `defenderForContainers.caFile`). Docker Hub
 * does not depend on Azure, so it is built even while the Azure subscriptions are not configured.
 * @public
 */
export const dockerHubClientServiceRef = createServiceRef<DockerHubClient>({
  id: 'defender-for-containers.dockerhub-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        optionalConfig: optionalDefenderConfigServiceRef,
        logger: coreServices.logger,
      },
      factory({ optionalConfig, logger }) {
        const { dockerHub, caFile } = optionalConfig.configured
          ? optionalConfig.config
          : optionalConfig;
        return new FetchDockerHubClient({
          dockerHub,
          ca: loadTrustedCertificates({ caFile }),
          logger,
        });
      },
    }),
});
