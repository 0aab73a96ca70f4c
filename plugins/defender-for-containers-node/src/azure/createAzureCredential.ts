import type { TokenCredential } from '@azure/core-auth';
import {
  AzureAuthorityHosts,
  ClientSecretCredential,
  DefaultAzureCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from '@azure/identity';
import type { DefenderForContainersConfig } from '../config/DefenderForContainersConfig';
import {
  azureTlsOptionsOf,
  type DefenderTlsTrust,
} from '../config/createDefenderTlsTrust';

const PUBLIC_AUTHORITY_HOSTS = new Set(
  [
    AzureAuthorityHosts.AzurePublicCloud,
    AzureAuthorityHosts.AzureGovernment,
    AzureAuthorityHosts.AzureChina,
  ].map(h => new URL(h).host),
);

/**
 * True when `authorityHost` is not one of Microsoft's public clouds (e.g. the local emulator or
 * an Azure Stack authority): instance discovery would ask login.microsoftonline.com about a host
 * it does not know and fail, so it must be switched off.
 * @public
 */
export function isCustomAuthorityHost(authorityHost: string): boolean {
  return !PUBLIC_AUTHORITY_HOSTS.has(new URL(authorityHost).host);
}

/**
 * Builds the `@azure/identity` credential described by `defenderForContainers.azure.credential`.
 * `trust` (from `createDefenderTlsTrust`) is trusted for the token endpoint too; `ca` (from
 * `loadTrustedCertificates`) is the deprecated form of it, re-parsed for every new connection
 * and ignored when `trust` is given.
 * @public
 */
export function createAzureCredential(
  azure: DefenderForContainersConfig['azure'],
  options: { trust?: DefenderTlsTrust; ca?: string[] } = {},
): TokenCredential {
  const common = {
    authorityHost: azure.authorityHost,
    disableInstanceDiscovery: isCustomAuthorityHost(azure.authorityHost),
    ...azureTlsOptionsOf(options),
  };
  const c = azure.credential;
  switch (c.type) {
    case 'clientSecret':
      return new ClientSecretCredential(
        c.tenantId,
        c.clientId,
        c.clientSecret,
        common,
      );
    case 'managedIdentity':
      return c.clientId
        ? new ManagedIdentityCredential({ clientId: c.clientId, ...common })
        : new ManagedIdentityCredential(common);
    case 'workloadIdentity':
      return new WorkloadIdentityCredential({
        tenantId: c.tenantId,
        clientId: c.clientId,
        ...common,
      });
    default:
      return new DefaultAzureCredential({
        tenantId: c.tenantId,
        managedIdentityClientId: c.clientId,
        workloadIdentityClientId: c.clientId,
        ...common,
      });
  }
}
