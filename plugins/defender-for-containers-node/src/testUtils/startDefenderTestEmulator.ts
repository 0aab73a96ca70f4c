import { ConfigReader, type JsonObject } from '@backstage/config';
import {
  startEmulator,
  type Emulator,
  type ScenarioInput,
} from '@defender-backstage/azure-dockerhub-emulator';
import { fetch as undiciFetch } from 'undici';
// The main entry point by name, not by path: this entry is built and published on its own, so it
// must share the main entry's classes instead of bundling copies of them.
import {
  createAzureCredential,
  createDefenderTlsTrust,
  FetchDockerHubClient,
  readDefenderConfig,
  SecurityCenterArmClient,
  type DefenderForContainersConfig,
  type DockerHubFetch,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { defenderTestConfig } from './defenderTestConfig';
import { clientTestScenario } from './testScenario';

/**
 * One HTTP exchange of the Docker Hub client, observed on the way (the response is passed on
 * untouched).
 * @public
 */
export interface ObservedExchange {
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  status: number;
  responseBody: string;
}

/** @public */
export interface DefenderTestEmulatorOptions {
  /** The emulator's world; default `clientTestScenario`. Ignored with `emulator`. */
  scenario?: ScenarioInput;
  /** Use this running emulator instead of starting one (its owner stops it). */
  emulator?: Emulator;
  /** Seed of request ids, etags and fault draws of a started emulator; default 1. */
  seed?: number;
  /** The emulator's `echoAccessToken` option (overrides the scenario's); see its README. */
  echoAccessToken?: boolean;
  /** The Entra app the ARM credential signs in as; default `ADMIN`. */
  principal?: { clientId: string; clientSecret: string };
  /** `defenderForContainers.azure.subscriptions` (config.d.ts); default `SUB` and `SUB_B` by id alone. */
  subscriptions?: JsonObject[];
  /** Where a started emulator writes its CA certificate, for tests that configure `caFile`. */
  caFile?: string;
}

/** @public */
export interface DefenderTestEmulator {
  emu: Emulator;
  config: DefenderForContainersConfig;
  arm: SecurityCenterArmClient;
  dockerHub: FetchDockerHubClient;
  /** Every exchange of `dockerHub`, in order; empty it between tests with `exchanges.length = 0`. */
  exchanges: ObservedExchange[];
}

/**
 * Starts the Azure + Docker Hub emulator (or takes a running one) and builds the real clients
 * against it over HTTPS from `defenderForContainers` config, as the service factories do:
 * credential, trusted CA, endpoints, the SDK pipeline (short retry delays) and a Docker Hub fetch
 * that records every exchange. A started emulator checks each of its answers against the
 * route's schema (`validateResponses`).
 * @public
 */
export async function startDefenderTestEmulator(
  options: DefenderTestEmulatorOptions = {},
): Promise<DefenderTestEmulator> {
  const emu =
    options.emulator ??
    (await startEmulator({
      port: 0,
      scenario: options.scenario ?? clientTestScenario,
      seed: options.seed ?? 1,
      echoAccessToken: options.echoAccessToken,
      caFile: options.caFile,
      // An answer that breaks its route's schema fails the test as a 500, instead of passing it.
      validateResponses: true,
    }));
  const config = readDefenderConfig(
    new ConfigReader(
      defenderTestConfig(emu, {
        principal: options.principal,
        subscriptions: options.subscriptions,
      }),
    ),
  );
  const trust = createDefenderTlsTrust({ caPem: emu.caPem });
  const exchanges: ObservedExchange[] = [];
  const observingFetch: DockerHubFetch = async (url, init) => {
    const res = await (undiciFetch as unknown as DockerHubFetch)(url, init);
    const responseBody = await res.text();
    exchanges.push({
      url,
      requestHeaders: init.headers,
      requestBody: init.body,
      status: res.status,
      responseBody,
    });
    return {
      status: res.status,
      headers: res.headers,
      text: async () => responseBody,
    };
  };
  const arm = new SecurityCenterArmClient({
    config,
    credential: createAzureCredential(config.azure, { trust }),
    trust,
    retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 2000 },
  });
  const dockerHub = new FetchDockerHubClient({
    dockerHub: config.dockerHub,
    trust,
    fetch: observingFetch,
  });
  return { emu, config, arm, dockerHub, exchanges };
}

/**
 * One emulator for a test file: started before its tests (`beforeAll`), stopped after them
 * (`afterAll`), and before each test its faults cleared, its world reloaded (`scenario`, default
 * `clientTestScenario`) and `exchanges` emptied. An `emulator` passed in stays its owner's: it is
 * neither reloaded nor stopped. The object returned is filled in `beforeAll`, so read its fields
 * inside hooks and tests, not at the top level of the file.
 * @public
 */
export function registerDefenderTestEmulatorHooks(
  options: DefenderTestEmulatorOptions = {},
): DefenderTestEmulator {
  const t = {} as DefenderTestEmulator;
  const owned = !options.emulator;
  beforeAll(async () => {
    Object.assign(t, await startDefenderTestEmulator(options));
  });
  afterAll(async () => {
    if (owned) await t.emu?.stop();
  });
  beforeEach(() => {
    t.exchanges.length = 0;
    if (!owned) return;
    t.emu.clearFaults();
    t.emu.loadScenario(options.scenario ?? clientTestScenario);
  });
  return t;
}
