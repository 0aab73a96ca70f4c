import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { DockerHubClient } from './dockerhub/DockerHubClient';
import { FetchDockerHubClient } from './dockerhub/FetchDockerHubClient';
import { loadTrustedCertificates } from './config/loadTrustedCertificates';
import { readDefenderConfig } from './config/readDefenderConfig';

/**
 * The Docker Hub client of the Defender for Containers plugins (endpoints from
 * `defenderForContainers.dockerHub`, extra CA from `defenderForContainers.caFile`).
 * @public
 */
export const dockerHubClientServiceRef = createServiceRef<DockerHubClient>({
  id: 'defender-for-containers.dockerhub-client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      factory({ config, logger }) {
        const defender = readDefenderConfig(config);
        return new FetchDockerHubClient({
          dockerHub: defender.dockerHub,
          ca: loadTrustedCertificates({ caFile: defender.caFile }),
          logger,
        });
      },
    }),
});
