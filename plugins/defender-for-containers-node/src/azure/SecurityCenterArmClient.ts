import { SecurityCenter } from '@azure/arm-security';
import type { TokenCredential } from '@azure/core-auth';
import {
  createHttpHeaders,
  createPipelineRequest,
  isRestError,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { DefenderForContainersConfig } from '../config/DefenderForContainersConfig';
import {
  azureTlsOptionsOf,
  type DefenderTlsTrust,
} from '../config/createDefenderTlsTrust';
import { ArmError } from './ArmError';
import { scrubSecrets } from '../util/scrubSecrets';
import type {
  ArmCallOptions,
  ArmPermission,
  ArmRequestPreview,
  DefenderArmClient,
  DefenderPricing,
  DefenderPricingName,
  HealthReport,
  PutConditions,
  ResourceGraphQueryOptions,
  ResourceGraphResult,
  SecurityConnector,
  SecurityConnectorPutBody,
} from './DefenderArmClient';
import { parseSecurityConnectorId } from './securityConnectorId';
import { stripConnectorSecrets } from './stripConnectorSecrets';

/**
 * api-versions sent per resource type. `@azure/arm-security@5` pins securityConnectors to
 * 2021-07-01-preview (no Docker Hub) and has no healthReports, so we send our own requests
 * through its pipeline (reference/azure §5.2) with these versions.
 * @public
 */
export interface ArmApiVersions {
  securityConnectors: string;
  healthReports: string;
  pricings: string;
  providers: string;
  permissions: string;
  resourceGraph: string;
}

/** @public */
export const DEFAULT_ARM_API_VERSIONS: ArmApiVersions = {
  securityConnectors: '2024-08-01-preview',
  healthReports: '2023-05-01-preview',
  pricings: '2024-01-01',
  providers: '2021-04-01',
  permissions: '2022-04-01',
  resourceGraph: '2024-04-01',
};

/** Token audience per ARM host; any other host (an emulator) keeps the public cloud's audience. */
const SOVEREIGN_SCOPES: Record<string, string> = {
  'management.usgovcloudapi.net':
    'https://management.usgovcloudapi.net/.default',
  'management.chinacloudapi.cn': 'https://management.chinacloudapi.cn/.default',
};
const PUBLIC_SCOPE = 'https://management.azure.com/.default';

/** Stops a runaway `nextLink` chain; 1000 pages is far beyond any subscription's connectors. */
const MAX_PAGES = 1000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** Resource Graph pages are read until this many by default (50 × 1000 rows). */
const DEFAULT_RESOURCE_GRAPH_MAX_PAGES = 50;
/**
 * Below these, a call is logged at info instead of debug: the subscription's ARM read bucket
 * (`x-ms-ratelimit-remaining-subscription-reads`) or the caller's Resource Graph quota
 * (`x-ms-user-quota-remaining`) is nearly used up, and throttling (429) is near.
 */
const LOW_REMAINING_READS = 100;
const LOW_RESOURCE_GRAPH_QUOTA = 3;

/** @public */
export interface SecurityCenterArmClientOptions {
  config: DefenderForContainersConfig;
  credential: TokenCredential;
  logger?: LoggerService;
  /** Trusted for ARM (`createDefenderTlsTrust`, or `defenderTlsTrustServiceRef` in a backend). */
  trust?: DefenderTlsTrust;
  /**
   * CA list from `loadTrustedCertificates`, re-parsed for every new connection.
   * @deprecated Use `trust`; ignored when `trust` is given.
   */
  ca?: string[];
  /** Pipeline retry options (429/503 honour Retry-After). Default: 3 retries. */
  retryOptions?: {
    maxRetries?: number;
    retryDelayInMs?: number;
    maxRetryDelayInMs?: number;
  };
  /** Per-attempt timeout. Default 30 s (ARM itself gives up on an RP after 60 s). */
  timeoutMs?: number;
  apiVersions?: Partial<ArmApiVersions>;
}

type Method = 'GET' | 'PUT' | 'DELETE' | 'POST';

/**
 * Only the connector itself being absent means "not there". A 404 for its resource group
 * (`ResourceGroupNotFound`) or subscription (`SubscriptionNotFound`) says the address is wrong:
 * treating that as "already deleted" would report success for a connector that still exists
 * elsewhere, or hide a typo.
 */
function isConnectorNotFound(e: unknown): boolean {
  return (
    e instanceof ArmError && e.status === 404 && e.code === 'ResourceNotFound'
  );
}

/**
 * `DefenderArmClient` on the `SecurityCenter` client of `@azure/arm-security`: its pipeline adds
 * the bearer token, retries (honouring Retry-After), `x-ms-client-request-id` and redacted
 * logging; we build the requests for the newer api-versions ourselves.
 * @public
 */
export class SecurityCenterArmClient implements DefenderArmClient {
  private readonly client: SecurityCenter;
  private readonly endpoint: string;
  private readonly scope: string;
  private readonly apiVersions: ArmApiVersions;
  private readonly timeoutMs: number;
  private readonly allowedSubscriptions: Set<string>;

  constructor(private readonly options: SecurityCenterArmClientOptions) {
    const { config } = options;
    this.endpoint = config.azure.armEndpoint;
    this.scope = SOVEREIGN_SCOPES[new URL(this.endpoint).host] ?? PUBLIC_SCOPE;
    this.apiVersions = { ...DEFAULT_ARM_API_VERSIONS, ...options.apiVersions };
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.allowedSubscriptions = new Set(
      config.azure.subscriptions.map(s => s.id.toLowerCase()),
    );
    // The subscription argument only feeds the SDK's generated operations, which we do not use.
    this.client = new SecurityCenter(
      options.credential,
      config.azure.subscriptions[0]?.id ?? 'unused',
      {
        endpoint: this.endpoint,
        credentialScopes: [this.scope],
        retryOptions: { maxRetries: 3, ...options.retryOptions },
        ...azureTlsOptionsOf(options),
      },
    );
  }

  async verifyCredential(options?: ArmCallOptions): Promise<void> {
    try {
      // enableCae: the pipeline's bearer policy asks for CAE tokens; the same cache entry then
      // serves it, instead of a second sign-in.
      const token = await this.options.credential.getToken(this.scope, {
        abortSignal: options?.signal,
        enableCae: true,
      });
      if (!token) throw new Error('the credential returned no token');
    } catch (e) {
      const err = e as any;
      throw new ArmError({
        operation: 'sign-in (Microsoft Entra token for ARM)',
        status: typeof err.statusCode === 'number' ? err.statusCode : 0,
        code: err.errorResponse?.error ?? err.name,
        // Identity errors carry AADSTS codes and docs links, never the secret; keep line one.
        armMessage: String(
          err.errorResponse?.errorDescription ?? err.message ?? e,
        ).split('\n')[0],
      });
    }
  }

  async getProviderRegistrationState(
    subscriptionId: string,
    namespace = 'Microsoft.Security',
    options?: ArmCallOptions,
  ): Promise<string> {
    const { body } = await this.send(
      'GET',
      `/subscriptions/${subscriptionId}/providers/${namespace}`,
      this.apiVersions.providers,
      `GET providers/${namespace}`,
      undefined,
      options,
    );
    return String(body?.registrationState ?? 'Unknown');
  }

  async getPricing(
    subscriptionId: string,
    name: DefenderPricingName,
    options?: ArmCallOptions,
  ): Promise<DefenderPricing> {
    const { body } = await this.send(
      'GET',
      `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/${name}`,
      this.apiVersions.pricings,
      `GET pricings/${name}`,
      undefined,
      options,
    );
    return {
      name,
      pricingTier: String(body?.properties?.pricingTier ?? 'Unknown'),
      subPlan: body?.properties?.subPlan,
    };
  }

  async getResourceGroupPermissions(
    subscriptionId: string,
    resourceGroup: string,
    options?: ArmCallOptions,
  ): Promise<ArmPermission[]> {
    const values = await this.listAll<any>(
      `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Authorization/permissions`,
      this.apiVersions.permissions,
      `GET resourceGroups/${resourceGroup}/permissions`,
      options,
    );
    return values.map(p => ({
      actions: Array.isArray(p?.actions) ? p.actions.map(String) : [],
      notActions: Array.isArray(p?.notActions) ? p.notActions.map(String) : [],
    }));
  }

  async listSecurityConnectors(
    subscriptionId: string,
    options?: ArmCallOptions,
  ): Promise<SecurityConnector[]> {
    return this.listAll<SecurityConnector>(
      `/subscriptions/${subscriptionId}/providers/Microsoft.Security/securityConnectors`,
      this.apiVersions.securityConnectors,
      `GET securityConnectors (subscription ${subscriptionId})`,
      options,
    );
  }

  async getSecurityConnector(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<SecurityConnector | undefined> {
    const { name } = parseSecurityConnectorId(connectorId);
    try {
      const { body } = await this.send(
        'GET',
        connectorId,
        this.apiVersions.securityConnectors,
        `GET securityConnectors/${name}`,
        undefined,
        options,
      );
      return body as SecurityConnector;
    } catch (e) {
      if (isConnectorNotFound(e)) return undefined;
      throw e;
    }
  }

  async putSecurityConnector(
    connectorId: string,
    body: SecurityConnectorPutBody,
    options?: ArmCallOptions & PutConditions,
  ): Promise<{ created: boolean; connector: SecurityConnector }> {
    const { name } = this.assertWritable(connectorId);
    const conditions: Record<string, string> = {};
    if (options?.ifMatch) conditions['If-Match'] = options.ifMatch;
    if (options?.ifNoneMatch) conditions['If-None-Match'] = options.ifNoneMatch;
    const res = await this.send(
      'PUT',
      connectorId,
      this.apiVersions.securityConnectors,
      `PUT securityConnectors/${name}`,
      body,
      options,
      conditions,
      [body.properties?.environmentData?.authentication?.accessToken],
    );
    return { created: res.status === 201, connector: res.body };
  }

  async deleteSecurityConnector(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<{ deleted: boolean }> {
    const { name } = this.assertWritable(connectorId);
    try {
      const res = await this.send(
        'DELETE',
        connectorId,
        this.apiVersions.securityConnectors,
        `DELETE securityConnectors/${name}`,
        undefined,
        options,
      );
      // ARM convention: 200/202 = deleted now, 204 = there was nothing to delete.
      return { deleted: res.status !== 204 };
    } catch (e) {
      if (isConnectorNotFound(e)) return { deleted: false };
      throw e;
    }
  }

  async listHealthReports(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<HealthReport[]> {
    const { name } = parseSecurityConnectorId(connectorId);
    return this.listAll<HealthReport>(
      `${connectorId}/providers/Microsoft.Security/healthReports`,
      this.apiVersions.healthReports,
      `GET healthReports (connector ${name})`,
      options,
    );
  }

  async listSubscriptionHealthReports(
    subscriptionId: string,
    options?: ArmCallOptions,
  ): Promise<HealthReport[]> {
    return this.listAll<HealthReport>(
      `/subscriptions/${subscriptionId}/providers/Microsoft.Security/healthReports`,
      this.apiVersions.healthReports,
      `GET healthReports (subscription ${subscriptionId})`,
      options,
    );
  }

  async queryResourceGraph<T = Record<string, unknown>>(
    subscriptions: string[],
    query: string,
    options?: ResourceGraphQueryOptions,
  ): Promise<ResourceGraphResult<T>> {
    // Without `subscriptions` Resource Graph searches every subscription the identity can read,
    // which may be more than the config allows.
    if (subscriptions.length === 0) {
      throw new TypeError('queryResourceGraph needs at least one subscription');
    }
    for (const id of subscriptions) {
      if (!this.allowedSubscriptions.has(id.toLowerCase())) {
        throw new NotAllowedError(
          `Subscription ${id} is not in defenderForContainers.azure.subscriptions; refusing to query it`,
        );
      }
    }
    const maxPages = options?.maxPages ?? DEFAULT_RESOURCE_GRAPH_MAX_PAGES;
    const rows: T[] = [];
    let totalRecords: number | undefined;
    let skipToken: string | undefined;
    for (let page = 0; ; page++) {
      if (page >= maxPages) {
        return { rows, totalRecords, truncated: true };
      }
      const { body } = await this.send(
        'POST',
        '/providers/Microsoft.ResourceGraph/resources',
        this.apiVersions.resourceGraph,
        `POST resources (Resource Graph, page ${page + 1})`,
        {
          subscriptions,
          query,
          options: {
            resultFormat: 'objectArray',
            $top: options?.pageSize ?? 1000,
            ...(skipToken ? { $skipToken: skipToken } : {}),
          },
        },
        options,
      );
      if (page === 0 && typeof body?.totalRecords === 'number') {
        totalRecords = body.totalRecords;
      }
      if (!Array.isArray(body?.data)) {
        throw new Error(
          'Resource Graph answered without a data array (resultFormat objectArray was asked)',
        );
      }
      rows.push(...(body.data as T[]));
      skipToken = body.$skipToken || undefined;
      if (!skipToken) {
        return {
          rows,
          totalRecords,
          truncated: String(body.resultTruncated) === 'true',
        };
      }
    }
  }

  previewPutSecurityConnector(
    connectorId: string,
    body: SecurityConnectorPutBody,
  ): ArmRequestPreview {
    const masked = structuredClone(body);
    const auth = masked.properties.environmentData.authentication;
    if (auth) auth.accessToken = '***';
    return {
      method: 'PUT',
      url: this.url(connectorId, this.apiVersions.securityConnectors),
      body: masked,
    };
  }

  /** Defence in depth: nothing outside the configured subscriptions is ever written to. */
  private assertWritable(connectorId: string) {
    const parts = parseSecurityConnectorId(connectorId);
    if (!this.allowedSubscriptions.has(parts.subscriptionId.toLowerCase())) {
      throw new NotAllowedError(
        `Subscription ${parts.subscriptionId} is not in defenderForContainers.azure.subscriptions; refusing to write to it`,
      );
    }
    return parts;
  }

  private url(path: string, apiVersion: string) {
    return `${this.endpoint}${path}?api-version=${encodeURIComponent(
      apiVersion,
    )}`;
  }

  private async listAll<T>(
    path: string,
    apiVersion: string,
    operation: string,
    options?: ArmCallOptions,
  ): Promise<T[]> {
    const items: T[] = [];
    let next: string | undefined = this.url(path, apiVersion);
    for (let page = 0; next; page++) {
      if (page >= MAX_PAGES) {
        throw new Error(`${operation}: more than ${MAX_PAGES} pages`);
      }
      const { body } = await this.send(
        'GET',
        next,
        undefined,
        operation,
        undefined,
        options,
      );
      items.push(...((body?.value as T[]) ?? []));
      next = body?.nextLink || undefined;
      // The bearer policy would attach the ARM token to any https URL: only follow our own host.
      if (next && new URL(next).origin !== new URL(this.endpoint).origin) {
        throw new Error(
          `${operation}: refusing to follow a nextLink to another host (${
            new URL(next).origin
          })`,
        );
      }
    }
    return items;
  }

  /** `apiVersion` undefined = `pathOrUrl` is an absolute URL that already has it (nextLink). */
  private async send(
    method: Method,
    pathOrUrl: string,
    apiVersion: string | undefined,
    operation: string,
    body?: unknown,
    options?: ArmCallOptions,
    extraHeaders?: Record<string, string>,
    /** Sent in this request's body: never in the error text an answer produces. */
    secrets: Array<string | undefined> = [],
  ): Promise<{ status: number; body: any }> {
    const scrub = (text: string | undefined) =>
      text === undefined ? undefined : scrubSecrets(text, secrets);
    const request = createPipelineRequest({
      url: apiVersion ? this.url(pathOrUrl, apiVersion) : pathOrUrl,
      method,
      headers: createHttpHeaders({
        Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...extraHeaders,
      }),
      body: body === undefined ? undefined : JSON.stringify(body),
      timeout: this.timeoutMs,
      abortSignal: options?.signal,
    });
    let response: PipelineResponse;
    try {
      response = await this.client.sendRequest(request);
    } catch (e) {
      throw new ArmError({
        operation,
        status: isRestError(e) ? e.statusCode ?? 0 : 0,
        code: (e as any)?.code ?? (e as Error)?.name,
        armMessage: scrub((e as Error)?.message),
        clientRequestId: request.requestId,
      });
    }
    let parsed: any;
    if (response.bodyAsText) {
      try {
        parsed = JSON.parse(response.bodyAsText);
      } catch {
        parsed = undefined;
      }
    }
    stripConnectorSecrets(parsed);
    const headers = response.headers;
    if (response.status >= 400) {
      const err = new ArmError({
        operation,
        status: response.status,
        code: parsed?.error?.code,
        // An answer to the PUT may quote the request it refuses, the token included.
        armMessage: scrub(parsed?.error?.message),
        requestId: headers.get('x-ms-request-id'),
        correlationRequestId: headers.get('x-ms-correlation-request-id'),
        clientRequestId:
          headers.get('x-ms-client-request-id') ?? request.requestId,
      });
      this.options.logger?.debug(err.message, this.callMeta(headers));
      throw err;
    }
    const meta = this.callMeta(headers);
    const low =
      Number(meta.remainingReads ?? Infinity) < LOW_REMAINING_READS ||
      Number(meta.resourceGraphQuotaRemaining ?? Infinity) <
        LOW_RESOURCE_GRAPH_QUOTA;
    this.options.logger?.[low ? 'info' : 'debug'](
      `Azure ${operation}: ${response.status} [x-ms-request-id ${
        meta.requestId ?? '-'
      }${
        meta.remainingReads ? `, remaining reads ${meta.remainingReads}` : ''
      }${
        meta.resourceGraphQuotaRemaining
          ? `, Resource Graph quota ${meta.resourceGraphQuotaRemaining}`
          : ''
      }]`,
      meta,
    );
    return { status: response.status, body: parsed };
  }

  /** What support and capacity planning need from a response's headers; never a body. */
  private callMeta(headers: PipelineResponse['headers']) {
    const meta: Record<string, string> = {};
    const pick = (key: string, header: string) => {
      const value = headers.get(header);
      if (value) meta[key] = value;
    };
    pick('requestId', 'x-ms-request-id');
    pick('correlationRequestId', 'x-ms-correlation-request-id');
    pick('clientRequestId', 'x-ms-client-request-id');
    pick('remainingReads', 'x-ms-ratelimit-remaining-subscription-reads');
    pick('resourceGraphQuotaRemaining', 'x-ms-user-quota-remaining');
    pick('resourceGraphQuotaResetsAfter', 'x-ms-user-quota-resets-after');
    return meta;
  }
}
