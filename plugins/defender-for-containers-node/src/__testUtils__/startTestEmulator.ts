import { ConfigReader } from '@backstage/config';
import { startEmulator } from '@defender-backstage/azure-dockerhub-emulator';
import { loadTrustedCertificates } from '../config/loadTrustedCertificates';
import { readDefenderConfig } from '../config/readDefenderConfig';
import { createAzureCredential } from '../azure/createAzureCredential';
import { SecurityCenterArmClient } from '../azure/SecurityCenterArmClient';
import {
  FetchDockerHubClient,
  type DockerHubFetch,
} from '../dockerhub/FetchDockerHubClient';
import { fetch as undiciFetch } from 'undici';
import { ADMIN, SUB, SUB_B, TENANT, scenario } from './emulatorScenario';

/** One request the Docker Hub client sent and what came back, observed (not altered). */
export interface ObservedCall {
  url: string;
  headers: Record<string, string>;
  status: number;
  body: string;
}

/**
 * Starts the emulator and builds the real clients against it over HTTPS, exactly as the service
 * factories would from config (credential, CA, endpoints).
 */
export async function startTestEmulator(
  options: { principal?: { clientId: string; clientSecret: string } } = {},
) {
  const emu = await startEmulator({ port: 0, scenario, seed: 1 });
  const principal = options.principal ?? ADMIN;
  const config = readDefenderConfig(
    new ConfigReader({
      defenderForContainers: {
        azure: {
          armEndpoint: emu.urls.arm,
          authorityHost: emu.urls.authorityHost,
          credential: { type: 'clientSecret', tenantId: TENANT, ...principal },
          subscriptions: [{ id: SUB }, { id: SUB_B }],
        },
        dockerHub: {
          apiUrl: emu.urls.dockerHubApi,
          registryAuthUrl: emu.urls.registryAuth,
          registryService: emu.urls.registryService,
        },
      },
    }),
  );
  const ca = loadTrustedCertificates({ caPem: emu.caPem });
  const calls: ObservedCall[] = [];
  const observingFetch: DockerHubFetch = async (url, init) => {
    const res = await (undiciFetch as unknown as DockerHubFetch)(url, init);
    const body = await res.text();
    calls.push({ url, headers: init.headers, status: res.status, body });
    return { status: res.status, headers: res.headers, text: async () => body };
  };
  const arm = new SecurityCenterArmClient({
    config,
    credential: createAzureCredential(config.azure, { ca }),
    ca,
    retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 2000 },
  });
  const dockerHub = new FetchDockerHubClient({
    dockerHub: config.dockerHub,
    ca,
    fetch: observingFetch,
  });
  return { emu, config, arm, dockerHub, calls };
}
