import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { DockerHubClient } from './dockerhub/DockerHubClient';
import { FetchDockerHubClient } from './dockerhub/FetchDockerHubClient';
import { loadTrustedCertificates } from './config/loadTrustedCertificates';
import { defenderConfigServiceRef } from './defenderConfigServiceRef';

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
      deps: { defender: defenderConfigServiceRef, logger: coreServices.logger },
      factory({ defender, logger }) {
        return new FetchDockerHubClient({
          dockerHub: defender.dockerHub,
          ca: loadTrustedCertificates({ caFile: defender.caFile }),
          logger,
        });
      },
    }),
});
