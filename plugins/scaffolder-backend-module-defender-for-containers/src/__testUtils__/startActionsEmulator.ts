import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { ConfigReader } from '@backstage/config';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  startEmulator,
  type Emulator,
  type ScenarioInput,
} from '@defender-backstage/azure-dockerhub-emulator';
import {
  createAzureCredential,
  FetchDockerHubClient,
  loadTrustedCertificates,
  readDefenderConfig,
  SecurityCenterArmClient,
  type DockerHubFetch,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { fetch as undiciFetch } from 'undici';
import { createDockerHubOffboardAction } from '../actions/createDockerHubOffboardAction';
import { createDockerHubOnboardAction } from '../actions/createDockerHubOnboardAction';
import { createDockerHubValidateAction } from '../actions/createDockerHubValidateAction';
import { ADMIN, SUB, SUB_B, SUB_C, TENANT, scenario } from './scenario';

export interface LogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta?: unknown;
}

/** A LoggerService that keeps every line (the task log a user would see). */
export function recordingLogger(lines: LogLine[]): LoggerService {
  const at = (level: LogLine['level']) => (message: string, meta?: unknown) => {
    lines.push({ level, message, meta });
  };
  const logger: LoggerService = {
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    child: () => logger,
  };
  return logger;
}

/** Every HTTP exchange of the Docker Hub client, observed on the way (responses untouched). */
export interface ObservedExchange {
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: string;
  responseBody: string;
}

/**
 * The emulator plus the three actions wired to real clients over HTTPS, built from config as
 * the service factories do.
 */
export async function startActionsEmulator(
  options: {
    scenario?: ScenarioInput;
    principal?: { clientId: string; clientSecret: string };
    emulator?: Emulator;
    /** The permission policy the actions ask; default: allow everything. */
    permissions?: PermissionsService;
  } = {},
) {
  const emu =
    options.emulator ??
    (await startEmulator({
      port: 0,
      scenario: options.scenario ?? scenario(),
      seed: 7,
    }));
  const config = readDefenderConfig(
    new ConfigReader({
      defenderForContainers: {
        azure: {
          armEndpoint: emu.urls.arm,
          authorityHost: emu.urls.authorityHost,
          credential: {
            type: 'clientSecret',
            tenantId: TENANT,
            ...(options.principal ?? ADMIN),
          },
          subscriptions: [
            {
              id: SUB,
              displayName: 'Production',
              defaults: {
                resourceGroup: 'rg-defender',
                location: 'westeurope',
              },
            },
            { id: SUB_B, displayName: 'Staging' },
            { id: SUB_C, displayName: 'Sandbox' },
          ],
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
  const exchanges: ObservedExchange[] = [];
  const observingFetch: DockerHubFetch = async (url, init) => {
    const res = await (undiciFetch as unknown as DockerHubFetch)(url, init);
    const responseBody = await res.text();
    exchanges.push({
      url,
      requestHeaders: init.headers,
      requestBody: init.body,
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
    credential: createAzureCredential(config.azure, { ca }),
    ca,
    retryOptions: { retryDelayInMs: 10, maxRetryDelayInMs: 2000 },
  });
  const dockerHub = new FetchDockerHubClient({
    dockerHub: config.dockerHub,
    ca,
    fetch: observingFetch,
  });
  // Connector ids the actions announced as changed (what refreshes the catalog entity).
  const changed: string[] = [];
  const deps = {
    arm,
    dockerHub,
    subscriptions: config.azure.subscriptions,
    azurePortal: config.azure.portal,
    permissions: options.permissions ?? mockServices.permissions(),
    onConnectorChanged: async (connectorId: string) => {
      changed.push(connectorId);
    },
  };
  return {
    emu,
    arm,
    exchanges,
    changed,
    validate: createDockerHubValidateAction(deps),
    onboard: createDockerHubOnboardAction(deps),
    offboard: createDockerHubOffboardAction(deps),
  };
}

/** Runs an action like the task worker would, recording logs, outputs and checkpoints. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  options: {
    isDryRun?: boolean;
    checkpoints?: Map<string, unknown>;
    /** The task initiator's credentials; default: the mock context's user. */
    credentials?: BackstageCredentials;
  } = {},
) {
  const logs: LogLine[] = [];
  const outputs: Record<string, any> = {};
  const checkpoints = options.checkpoints ?? new Map<string, unknown>();
  // The mock context takes input and logger; outputs, dry run and checkpoints are ours to observe.
  const ctx = {
    ...createMockActionContext({
      input: input as JsonObject,
      logger: recordingLogger(logs),
    }),
    isDryRun: options.isDryRun,
    ...(options.credentials && {
      getInitiatorCredentials: async () => options.credentials!,
    }),
    output: (name: string, value: unknown) => {
      outputs[name] = value;
    },
    // Like the task store: a key that completed before returns its stored (JSON) value.
    checkpoint: (async ({
      key,
      fn,
    }: {
      key: string;
      fn: () => Promise<unknown>;
    }) => {
      if (checkpoints.has(key)) return checkpoints.get(key);
      const value = await fn();
      checkpoints.set(key, JSON.parse(JSON.stringify(value ?? null)));
      return value;
    }) as any,
  };
  let error: any;
  try {
    await action.handler(ctx);
  } catch (e) {
    error = e;
  }
  const check = (id: string) => outputs.checks?.find((c: any) => c.id === id);
  return { logs, outputs, error, checkpoints, check };
}
