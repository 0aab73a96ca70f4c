/**
 * The Azure Resource Manager and Docker Hub clients of the Defender for Containers plugins, as
 * service refs shared by the backend plugin and the scaffolder module.
 *
 * @packageDocumentation
 */
export * from './config/DefenderForContainersConfig';
export { readDefenderConfig } from './config/readDefenderConfig';
export {
  readOptionalDefenderConfig,
  type OptionalDefenderConfig,
} from './config/readOptionalDefenderConfig';
export { loadTrustedCertificates } from './config/loadTrustedCertificates';
export {
  createDefenderTlsTrust,
  type DefenderTlsTrust,
} from './config/createDefenderTlsTrust';
export {
  createAzureCredential,
  isCustomAuthorityHost,
} from './azure/createAzureCredential';
export { ArmError } from './azure/ArmError';
export * from './azure/DefenderArmClient';
export { UnconfiguredDefenderArmClient } from './azure/UnconfiguredDefenderArmClient';
export {
  SecurityCenterArmClient,
  DEFAULT_ARM_API_VERSIONS,
  type ArmApiVersions,
  type SecurityCenterArmClientOptions,
} from './azure/SecurityCenterArmClient';
export { stripConnectorSecrets } from './azure/stripConnectorSecrets';
export {
  describeConnector,
  dockerHubOrganizationOf,
  isDockerHubConnectorOf,
} from './azure/dockerHubConnector';
export {
  formatSecurityConnectorId,
  parseSecurityConnectorId,
  requireSecurityConnectorId,
  sameArmId,
  type SecurityConnectorIdParts,
} from './azure/securityConnectorId';
export {
  buildDockerHubConnectorBody,
  dockerHubOfferings,
  type DockerHubConnectorPlans,
} from './azure/buildDockerHubConnectorBody';
export { DockerHubError } from './dockerhub/DockerHubError';
export * from './dockerhub/DockerHubClient';
export {
  FetchDockerHubClient,
  type DockerHubFetch,
  type FetchDockerHubClientOptions,
} from './dockerhub/FetchDockerHubClient';
export {
  decodeDockerHubJwt,
  decodeRegistryTokenActions,
  type DockerHubTokenClaims,
} from './dockerhub/decodeDockerHubJwt';
export { parseRetryAfter } from './dockerhub/parseRetryAfter';
export { defenderConfigServiceRef } from './defenderConfigServiceRef';
export { optionalDefenderConfigServiceRef } from './optionalDefenderConfigServiceRef';
export {
  defenderTlsTrustServiceRef,
  type DefenderTlsTrustService,
} from './defenderTlsTrustServiceRef';
export { defenderArmClientServiceRef } from './defenderArmClientServiceRef';
export { dockerHubClientServiceRef } from './dockerHubClientServiceRef';
export {
  SERVICE_PRINCIPALS_CONFIG_KEY,
  readServicePrincipalWriters,
  assertServicePrincipalMayWrite,
} from './permissions/servicePrincipalWrites';
export {
  authorizeDefenderPermission,
  type AuthorizeDefenderPermissionOptions,
} from './permissions/authorizeDefenderPermission';
