import type {
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type {
  Emulator,
  ScenarioInput,
} from '@defender-backstage/azure-dockerhub-emulator';
import { startDefenderTestEmulator } from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import { createDockerHubOffboardAction } from '../actions/createDockerHubOffboardAction';
import { createDockerHubOnboardAction } from '../actions/createDockerHubOnboardAction';
import { createDockerHubValidateAction } from '../actions/createDockerHubValidateAction';
import { ALLOWED_SUBSCRIPTIONS, scenario } from './scenario';

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

/**
 * The emulator plus the three actions wired to real clients over HTTPS, built from config as
 * the service factories do.
 */
export async function startActionsEmulator(
  options: {
    scenario?: ScenarioInput;
    principal?: { clientId: string; clientSecret: string };
    emulator?: Emulator;
    /** Seed of a started emulator's request ids, etags and fault draws; default 7. */
    seed?: number;
    /** The permission policy the actions ask; default: allow everything. */
    permissions?: PermissionsService;
    /** Service principals that may write (`DefenderActionsOptions.servicePrincipals`). */
    servicePrincipals?: readonly string[];
    /** Connector responses carry the stored token (the emulator's option). */
    echoAccessToken?: boolean;
    /** `defenderForContainers.dockerHub.allowUnprovenReadOnly`, as the module passes it on. */
    allowUnprovenReadOnly?: boolean;
  } = {},
) {
  const { emu, config, arm, dockerHub, exchanges } =
    await startDefenderTestEmulator({
      emulator: options.emulator,
      scenario: options.scenario ?? scenario(),
      seed: options.seed ?? 7,
      echoAccessToken: options.echoAccessToken,
      principal: options.principal,
      subscriptions: ALLOWED_SUBSCRIPTIONS,
    });
  // Connector ids the actions announced as changed (what refreshes the catalog entity).
  const changed: string[] = [];
  const deps = {
    arm,
    dockerHub,
    subscriptions: config.azure.subscriptions,
    azurePortal: config.azure.portal,
    allowUnprovenReadOnly: options.allowUnprovenReadOnly,
    permissions: options.permissions ?? mockServices.permissions(),
    servicePrincipals: options.servicePrincipals,
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
    /** The requests that reached the emulator as writes (PUT, PATCH, DELETE), in order. */
    writes: () =>
      emu
        .state()
        .requestLog.filter(e => ['PUT', 'PATCH', 'DELETE'].includes(e.method)),
    /** The stored connector with this ARM id (ids compare case-insensitively, as in ARM). */
    connector: (id: string) =>
      emu
        .state()
        .connectors.find(
          (c: any) => c.id.toLowerCase() === id.toLowerCase(),
        ) as any,
  };
}

/** What `startActionsEmulator` resolves to. */
export type ActionsEmulator = Awaited<ReturnType<typeof startActionsEmulator>>;

/** Runs an action like the task worker would, recording logs, outputs and checkpoints. */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: Record<string, unknown>,
  options: {
    isDryRun?: boolean;
    checkpoints?: Map<string, unknown>;
    /** The task initiator's credentials; default: the mock context's user. */
    credentials?: BackstageCredentials;
    /**
     * The task's secrets; default: the input's accessToken as `secrets.accessToken`, as a
     * template passes it (`accessToken: ${{ secrets.accessToken }}`).
     */
    secrets?: Record<string, string>;
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
    secrets:
      options.secrets ??
      (typeof input.accessToken === 'string'
        ? { accessToken: input.accessToken }
        : {}),
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
