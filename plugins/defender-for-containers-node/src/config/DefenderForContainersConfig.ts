import type {
  AllowedSubscription,
  AzurePortal,
} from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * How the backend authenticates to Azure Resource Manager.
 * @public
 */
export type AzureCredentialConfig =
  | { type: 'default'; tenantId?: string; clientId?: string }
  | {
      type: 'clientSecret';
      tenantId: string;
      clientId: string;
      clientSecret: string;
    }
  | { type: 'managedIdentity'; clientId?: string }
  | { type: 'workloadIdentity'; tenantId?: string; clientId?: string };

/**
 * The `defenderForContainers` config, read and checked once (see `readDefenderConfig`).
 * @public
 */
export interface DefenderForContainersConfig {
  azure: {
    /** ARM base URL without a trailing slash. */
    armEndpoint: string;
    /** Microsoft Entra authority host without a trailing slash. */
    authorityHost: string;
    credential: AzureCredentialConfig;
    /** The only subscriptions the plugins read from and write to, in config order. */
    subscriptions: AllowedSubscription[];
    /**
     * Where links to a connector open: the portal of the ARM endpoint's cloud and, when config
     * knows it (`azure.tenantId`, else `azure.credential.tenantId`), the tenant.
     */
    portal?: AzurePortal;
  };
  dockerHub: {
    /** Docker Hub API base URL without a trailing slash. */
    apiUrl: string;
    /** Registry token service URL. */
    registryAuthUrl: string;
    /** `service` parameter of the registry token service. */
    registryService: string;
    /**
     * `dockerHub.allowUnprovenReadOnly` (default false): let the pre-flight pass, with one warning,
     * a credential it cannot prove read-only instead of refusing it.
     */
    allowUnprovenReadOnly?: boolean;
  };
  /** PEM file of an extra CA to trust, in addition to the default ones. */
  caFile?: string;
}
