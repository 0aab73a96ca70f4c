import fs from 'node:fs';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { connectorResponse } from './arm/connectorResponse';
import { FaultSpec } from './faults/FaultInjector';
import {
  connectorHealth,
  healthReportResource,
} from './health/connectorHealthReports';
import { resolveScenario } from './scenario/loadScenario';
import { Scenario, ScenarioInput } from './scenario/scenarioSchema';
import { createCore } from './server/EmulatorCore';
import {
  createTlsMaterial,
  loadOrCreateTlsMaterial,
} from './server/createTlsMaterial';
import { handleRequest } from './server/handleRequest';
import { SpecRegistry } from './spec/SpecRegistry';
import { ARM_OPERATIONS } from './arm/armOperations';
import { RequestLogEntry } from './state/EmulatorState';

// The package root, found the way resolvePackagePath() does: the specs and scenarios ship in it.
const PACKAGE_ROOT = path.dirname(
  require.resolve('@defender-backstage/azure-dockerhub-emulator/package.json'),
);
/** @public */
export const SPEC_DIR = path.join(PACKAGE_ROOT, 'specs');
/** @public */
export const DEMO_SCENARIO = path.join(PACKAGE_ROOT, 'scenarios', 'demo.yaml');

/** @public */
export interface StartEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Scenario file (YAML or JSON) or object; default: scenarios/demo.yaml. */
  scenario?: string | ScenarioInput;
  /** Seeds request ids, etags and fault probabilities (default 1). */
  seed?: number;
  /** Also write the CA certificate (PEM) to this path. */
  caFile?: string;
  /**
   * Keep the certificate (`ca.pem`) and its key in this directory and reuse them on the next
   * start, so clients that read the CA once (a Backstage backend) need no restart. Default: a
   * new certificate per start, kept nowhere.
   */
  caDir?: string;
  /** Base clock; `advanceTime` adds to it. Default `Date.now`. */
  now?: () => number;
  /** Interface to listen on (default 127.0.0.1: the certificate names loopback only). */
  host?: string;
  /**
   * Echo the stored `accessToken` in securityConnectors responses; overrides the scenario's
   * `azure.echoAccessToken`, for this and every later `loadScenario`.
   */
  echoAccessToken?: boolean;
  /**
   * Check every answer against the schema of its route (official spec or ours) before sending
   * it; one that breaks it becomes a 500 `EmulatorInvalidResponse` naming the violations, so a
   * client test cannot pass on an answer Azure or Docker Hub would not give. Default false.
   */
  validateResponses?: boolean;
}

/** @public */
export interface EmulatorUrls {
  /** ARM endpoint: the SecurityCenter `endpoint` option. */
  arm: string;
  /** Entra authority host: `authorityHost` of `@azure/identity` credentials. */
  authorityHost: string;
  /** Docker Hub API base (`/v2/...` below it), i.e. what https://hub.docker.com is in production. */
  dockerHubApi: string;
  /** Registry token service, i.e. what https://auth.docker.io/token is in production. */
  registryAuth: string;
  /** `service` parameter of the registry token service. */
  registryService: string;
}

/** @public */
export interface EmulatorStateSnapshot {
  now: string;
  /** Whether connector responses carry the stored token (scenario flag or option). */
  echoAccessToken: boolean;
  connectors: Record<string, unknown>[];
  healthReports: Record<string, unknown>[];
  subscriptions: Record<string, unknown>[];
  dockerHub: {
    orgs: Record<string, unknown>[];
    users: { username: string; email: string }[];
    /** Token metadata; secrets are never part of a snapshot. */
    tokens: {
      owner: string;
      kind: 'pat' | 'oat';
      scope: string;
      expiresAt?: string;
      revoked: boolean;
      label?: string;
    }[];
    repositories: {
      org: string;
      name: string;
      private: boolean;
      tags: string[];
    }[];
  };
  requestLog: RequestLogEntry[];
}

/** @public */
export interface Emulator {
  url: string;
  urls: EmulatorUrls;
  caPem: string;
  port: number;
  state(): EmulatorStateSnapshot;
  injectFault(spec: FaultSpec): () => void;
  clearFaults(): void;
  loadScenario(scenario: string | ScenarioInput): void;
  advanceTime(ms: number): void;
  stop(): Promise<void>;
}

let cachedSpecs: SpecRegistry | undefined;

/**
 * The compiled specs, shared by every emulator of the process (they never change).
 * @public
 */
export function loadSpecs(): SpecRegistry {
  if (!cachedSpecs) {
    cachedSpecs = SpecRegistry.load(SPEC_DIR);
    cachedSpecs.precompile([
      ...Object.keys(ARM_OPERATIONS),
      'AuthCreateAccessToken',
      'PostUsersLogin',
      'listNamespaceRepositories',
      'ListRepositoryTags',
    ]);
  }
  return cachedSpecs;
}

/** @public */
export async function startEmulator(
  options: StartEmulatorOptions = {},
): Promise<Emulator> {
  const scenario: Scenario = resolveScenario(options.scenario ?? DEMO_SCENARIO);
  const specs = loadSpecs();
  const core = createCore({
    specs,
    scenario,
    seed: options.seed ?? 1,
    now: options.now ?? Date.now,
    echoAccessToken: options.echoAccessToken,
    validateResponses: options.validateResponses,
  });
  const tlsMaterial = options.caDir
    ? await loadOrCreateTlsMaterial(options.caDir)
    : await createTlsMaterial();
  const server = https.createServer(
    { key: tlsMaterial.key, cert: tlsMaterial.cert, keepAliveTimeout: 5000 },
    (req, res) => {
      void handleRequest(core, req, res);
    },
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `https://${host === '::1' ? '[::1]' : host}:${port}`;
  core.url = url;
  if (options.caFile) fs.writeFileSync(options.caFile, tlsMaterial.cert);

  const snapshot = (): EmulatorStateSnapshot => {
    const { state } = core;
    const now = core.now();
    const connectors = [...state.connectors.values()];
    return JSON.parse(
      JSON.stringify({
        now: new Date(now).toISOString(),
        echoAccessToken: state.echoAccessToken,
        connectors: connectors.map(c => ({
          ...connectorResponse(c),
          credential: {
            username: c.credentials[c.credentials.length - 1]?.username,
            updatedAt: new Date(
              c.credentials[c.credentials.length - 1]?.at ?? c.createdAt,
            ).toISOString(),
          },
        })),
        healthReports: connectors.flatMap(c => {
          const health = connectorHealth(state, c, now);
          return health ? [healthReportResource(state, c, health)] : [];
        }),
        subscriptions: [...state.subscriptions.values()],
        dockerHub: {
          orgs: state.hub.orgs.map(o => ({
            name: o.name,
            deleted: o.deleted,
            members: o.members,
          })),
          users: state.hub.users.map(u => ({
            username: u.username,
            email: u.email,
          })),
          tokens: state.hub.tokens.map(t => ({
            owner: t.user ?? t.org!,
            kind: t.org ? 'oat' : 'pat',
            scope: t.scope,
            expiresAt:
              t.expiresAt !== undefined
                ? new Date(t.expiresAt).toISOString()
                : undefined,
            revoked: t.revoked,
            label: t.label,
          })),
          repositories: state.hub.orgs.flatMap(o =>
            o.repositories.map(r => ({
              org: o.name,
              name: r.name,
              private: r.private,
              tags: r.tags.filter(t => !t.digest).map(t => t.name),
            })),
          ),
        },
        requestLog: state.requestLog,
      }),
    );
  };

  return {
    url,
    port,
    caPem: tlsMaterial.cert,
    urls: {
      arm: url,
      authorityHost: url,
      dockerHubApi: url,
      registryAuth: `${url}/token`,
      registryService: 'registry.docker.io',
    },
    state: snapshot,
    injectFault: spec => core.faults.add(spec),
    clearFaults: () => core.faults.clear(),
    loadScenario: s => core.load(resolveScenario(s)),
    advanceTime: ms => core.advance(ms),
    stop: () =>
      new Promise<void>(resolve => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
