/**
 * A Defender for Cloud security connector as ARM returns it, with the access token removed.
 * @public
 */
export interface SecurityConnector {
  id: string;
  name: string;
  type?: string;
  location?: string;
  etag?: string;
  kind?: string;
  tags?: Record<string, string>;
  systemData?: Record<string, unknown>;
  properties?: {
    hierarchyIdentifier?: string;
    hierarchyIdentifierTrialEndDate?: string;
    environmentName?: string;
    environmentData?: {
      environmentType?: string;
      authentication?: { authenticationType?: string; username?: string };
      scanInterval?: number;
      [key: string]: unknown;
    };
    offerings?: Array<{ offeringType: string; description?: string }>;
    [key: string]: unknown;
  };
}

/**
 * The body of a security connector PUT (it carries the access token: never log it).
 * @public
 */
export interface SecurityConnectorPutBody {
  location: string;
  etag?: string;
  tags?: Record<string, string>;
  properties: {
    hierarchyIdentifier: string;
    environmentName: string;
    environmentData: {
      environmentType: string;
      authentication?: {
        authenticationType: 'AccessToken';
        username: string;
        accessToken: string;
      };
      scanInterval?: number;
    };
    offerings: Array<{ offeringType: string }>;
  };
}

/**
 * A `Microsoft.Security/healthReports` entry.
 * @public
 */
export interface HealthReport {
  id: string;
  name: string;
  properties?: {
    resourceDetails?: { source?: string; id?: string; connectorId?: string };
    healthDataClassification?: {
      component?: string;
      scenario?: string;
      scope?: string;
    };
    status?: {
      code?: 'Healthy' | 'NotHealthy' | 'NotApplicable' | string;
      reason?: string;
      lastScannedDate?: string;
      /** Older spelling of `lastScannedDate` in one spec revision. */
      lastTimeScannedDate?: string;
      statusChangeDate?: string;
      firstEvaluationDate?: string;
    };
    affectedDefendersPlans?: string[];
    issues?: Array<{
      issueKey: string;
      issueName?: string;
      issueDescription?: string;
      remediationSteps?: string;
      remediationScript?: string;
      securityValues?: string[];
      issueAdditionalData?: Record<string, string>;
    }>;
    [key: string]: unknown;
  };
}

/**
 * Defender plans on a subscription that matter for Docker Hub: `Containers` (Defender for
 * Containers) and `CloudPosture` (Defender CSPM).
 * @public
 */
export type DefenderPricingName = 'Containers' | 'CloudPosture';

/** @public */
export interface DefenderPricing {
  name: DefenderPricingName;
  /** `Standard` = plan on, `Free` = off. */
  pricingTier: string;
  subPlan?: string;
}

/**
 * The caller's effective permissions at a scope (`Microsoft.Authorization/permissions`).
 * @public
 */
export interface ArmPermission {
  actions: string[];
  notActions: string[];
}

/**
 * HTTP preconditions of a connector PUT, as ARM applies them: `ifNoneMatch: '*'` creates only
 * when nothing exists at the id; `ifMatch: etag` replaces only the version that was read. Either
 * failing is a 412 `PreconditionFailed`, so a change made by someone else in between is never
 * overwritten silently.
 * @public
 */
export interface PutConditions {
  ifMatch?: string;
  ifNoneMatch?: '*';
}

/** @public */
export interface ArmCallOptions {
  /** Cancels the call (and its retries). */
  signal?: AbortSignal;
}

/**
 * Options of a Resource Graph query. Results are read page by page with `$skipToken`.
 * @public
 */
export interface ResourceGraphQueryOptions extends ArmCallOptions {
  /** Rows per page (`$top`), 1–1000. Default 1000. */
  pageSize?: number;
  /** Stops after this many pages and reports `truncated`. Default 50. */
  maxPages?: number;
}

/**
 * Rows of a Resource Graph query (`resultFormat: objectArray`), every page read.
 * @public
 */
export interface ResourceGraphResult<T> {
  rows: T[];
  /** `totalRecords` of the first page. */
  totalRecords?: number;
  /** True when `maxPages` stopped the reading, or Resource Graph said `resultTruncated`. */
  truncated: boolean;
}

/**
 * A request as it would be sent, for dry runs: the access token is masked.
 * @public
 */
export interface ArmRequestPreview {
  method: string;
  url: string;
  body: unknown;
}

/**
 * The Azure Resource Manager calls the Defender for Containers plugins make. Every connector
 * returned has had its access token removed.
 * @public
 */
export interface DefenderArmClient {
  /** Acquires an ARM token: proves the configured credential works. */
  verifyCredential(options?: ArmCallOptions): Promise<void>;
  /** `registrationState` of a resource provider, e.g. `Registered`. */
  getProviderRegistrationState(
    subscriptionId: string,
    namespace?: string,
    options?: ArmCallOptions,
  ): Promise<string>;
  getPricing(
    subscriptionId: string,
    name: DefenderPricingName,
    options?: ArmCallOptions,
  ): Promise<DefenderPricing>;
  /** The caller's permissions on a resource group; throws `ArmError` 404 when it does not exist. */
  getResourceGroupPermissions(
    subscriptionId: string,
    resourceGroup: string,
    options?: ArmCallOptions,
  ): Promise<ArmPermission[]>;
  /** All security connectors of a subscription (every page). */
  listSecurityConnectors(
    subscriptionId: string,
    options?: ArmCallOptions,
  ): Promise<SecurityConnector[]>;
  /**
   * `undefined` when the connector does not exist (404 `ResourceNotFound`); a missing resource
   * group or subscription is an `ArmError`.
   */
  getSecurityConnector(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<SecurityConnector | undefined>;
  /**
   * Create or replace (synchronous PUT). Refuses subscriptions outside the config. See
   * `PutConditions` for optimistic concurrency (a failed condition is an `ArmError` 412).
   */
  putSecurityConnector(
    connectorId: string,
    body: SecurityConnectorPutBody,
    options?: ArmCallOptions & PutConditions,
  ): Promise<{ created: boolean; connector: SecurityConnector }>;
  /**
   * `deleted: false` when it was already gone (204, or 404 `ResourceNotFound`). A missing
   * resource group or subscription is an `ArmError`, not "gone". Refuses subscriptions outside
   * the config.
   */
  deleteSecurityConnector(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<{ deleted: boolean }>;
  /** Health reports at the connector's scope (every page). */
  listHealthReports(
    connectorId: string,
    options?: ArmCallOptions,
  ): Promise<HealthReport[]>;
  /**
   * Health reports of a whole subscription (every page): one list serves all its connectors;
   * match a report to its connector by `properties.resourceDetails.id` or the `id` prefix.
   */
  listSubscriptionHealthReports(
    subscriptionId: string,
    options?: ArmCallOptions,
  ): Promise<HealthReport[]>;
  /**
   * An Azure Resource Graph query over the given subscriptions (each must be an allowed one: an
   * empty list would mean every subscription the identity can read), following `$skipToken`.
   */
  queryResourceGraph<T = Record<string, unknown>>(
    subscriptions: string[],
    query: string,
    options?: ResourceGraphQueryOptions,
  ): Promise<ResourceGraphResult<T>>;
  /** The exact PUT `putSecurityConnector` would send, with the access token masked. */
  previewPutSecurityConnector(
    connectorId: string,
    body: SecurityConnectorPutBody,
  ): ArmRequestPreview;
}
