import { NotAllowedError } from '@backstage/errors';
import {
  DEFAULT_ARM_API_VERSIONS,
  type ArmApiVersions,
} from './ArmApiVersions';
import { ArmError } from './ArmError';
import { armErrorFromSignIn } from './armErrorFrom';
import { armTokenScope } from './armTokenScope';
import type { ArmTransport } from './ArmTransport';
import { createArmTransports } from './createArmTransports';
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
import type { ResourceGraphReader } from './ResourceGraphReader';
import { requireSecurityConnectorId } from './securityConnectorId';
import type { SecurityCenterArmClientOptions } from './SecurityCenterArmClientOptions';

export {
  DEFAULT_ARM_API_VERSIONS,
  type ArmApiVersions,
} from './ArmApiVersions';
export type { SecurityCenterArmClientOptions } from './SecurityCenterArmClientOptions';

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
 * logging; we build the requests for the newer api-versions ourselves. Resource Graph queries go
 * through `@azure/arm-resourcegraph` with the same credential and pipeline settings.
 * @public
 */
export class SecurityCenterArmClient implements DefenderArmClient {
  private readonly arm: ArmTransport;
  private readonly graph: ResourceGraphReader;
  private readonly scope: string;
  private readonly apiVersions: ArmApiVersions;
  private readonly allowedSubscriptions: Set<string>;

  constructor(private readonly options: SecurityCenterArmClientOptions) {
    this.scope = armTokenScope(options.config.azure.armEndpoint);
    this.apiVersions = { ...DEFAULT_ARM_API_VERSIONS, ...options.apiVersions };
    this.allowedSubscriptions = new Set(
      options.config.azure.subscriptions.map(s => s.id.toLowerCase()),
    );
    ({ arm: this.arm, graph: this.graph } = createArmTransports(
      options,
      this.scope,
      this.apiVersions,
    ));
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
      throw armErrorFromSignIn(e);
    }
  }

  async getProviderRegistrationState(
    subscriptionId: string,
    namespace = 'Microsoft.Security',
    options?: ArmCallOptions,
  ): Promise<string> {
    const body = await this.get(
      `/subscriptions/${subscriptionId}/providers/${namespace}`,
      this.apiVersions.providers,
      `GET providers/${namespace}`,
      options,
    );
    return String(body?.registrationState ?? 'Unknown');
  }

  async getPricing(
    subscriptionId: string,
    name: DefenderPricingName,
    options?: ArmCallOptions,
  ): Promise<DefenderPricing> {
    const body = await this.get(
      `/subscriptions/${subscriptionId}/providers/Microsoft.Security/pricings/${name}`,
      this.apiVersions.pricings,
      `GET pricings/${name}`,
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
    const values = await this.arm.listAll<any>(
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
    return this.arm.listAll<SecurityConnector>(
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
    const { name } = requireSecurityConnectorId(connectorId);
    try {
      return await this.get(
        connectorId,
        this.apiVersions.securityConnectors,
        `GET securityConnectors/${name}`,
        options,
      );
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
    const res = await this.arm.send(
      {
        method: 'PUT',
        path: connectorId,
        apiVersion: this.apiVersions.securityConnectors,
        operation: `PUT securityConnectors/${name}`,
        body,
        headers: conditions,
        secrets: [
          body.properties?.environmentData?.authentication?.accessToken,
        ],
      },
      options,
    );
    return { created: res.status === 201, connector: res.body };
  }

  async deleteSecurityConnector(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<{ deleted: boolean }> {
    const { name } = this.assertWritable(connectorId);
    try {
      const res = await this.arm.send(
        {
          method: 'DELETE',
          path: connectorId,
          apiVersion: this.apiVersions.securityConnectors,
          operation: `DELETE securityConnectors/${name}`,
        },
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
    const { name } = requireSecurityConnectorId(connectorId);
    return this.arm.listAll<HealthReport>(
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
    return this.arm.listAll<HealthReport>(
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
    for (const id of subscriptions) this.assertAllowed(id, 'query');
    return this.graph.query<T>(subscriptions, query, options);
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
      url: this.arm.url(connectorId, this.apiVersions.securityConnectors),
      body: masked,
    };
  }

  private async get(
    path: string,
    apiVersion: string,
    operation: string,
    options?: ArmCallOptions,
  ): Promise<any> {
    const req = { method: 'GET', path, apiVersion, operation } as const;
    return (await this.arm.send(req, options)).body;
  }

  /** Defence in depth: nothing outside the configured subscriptions is written to or queried. */
  private assertAllowed(subscriptionId: string, verb: 'write to' | 'query') {
    if (!this.allowedSubscriptions.has(subscriptionId.toLowerCase())) {
      throw new NotAllowedError(
        `Subscription ${subscriptionId} is not in defenderForContainers.azure.subscriptions; refusing to ${verb} it`,
      );
    }
  }

  private assertWritable(connectorId: string) {
    const parts = requireSecurityConnectorId(connectorId);
    this.assertAllowed(parts.subscriptionId, 'write to');
    return parts;
  }
}
