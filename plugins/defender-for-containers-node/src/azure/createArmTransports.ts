import { SecurityCenter } from '@azure/arm-security';
import { azureTlsOptionsOf } from '../config/createDefenderTlsTrust';
import type { ArmApiVersions } from './ArmApiVersions';
import { ArmTransport } from './ArmTransport';
import {
  ResourceGraphReader,
  type ArmPipelineOptions,
} from './ResourceGraphReader';
import type { SecurityCenterArmClientOptions } from './SecurityCenterArmClientOptions';

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The two SDK clients ARM is called through, built from one set of settings: the credential and
 * its token scope, the endpoint, the TLS trust, the retry policy and the per-attempt timeout.
 * A setting given to one and not the other would make Resource Graph calls behave unlike the
 * rest (another CA, other retries) without anything saying so.
 */
export function createArmTransports(
  options: SecurityCenterArmClientOptions,
  scope: string,
  apiVersions: ArmApiVersions,
): { arm: ArmTransport; graph: ResourceGraphReader } {
  const { config, credential, logger } = options;
  const endpoint = config.azure.armEndpoint;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const pipeline: ArmPipelineOptions = {
    endpoint,
    retryOptions: { maxRetries: 3, ...options.retryOptions },
    ...azureTlsOptionsOf(options),
    // ARM's logs (and Azure support) can tell these calls apart from others of the tenant.
    userAgentOptions: { userAgentPrefix: 'defender-backstage' },
  };
  // The subscription argument only feeds the SDK's generated operations, which we do not use.
  const securityCenter = new SecurityCenter(
    credential,
    config.azure.subscriptions[0]?.id ?? 'unused',
    { ...pipeline, credentialScopes: [scope] },
  );
  return {
    arm: new ArmTransport(securityCenter, endpoint, timeoutMs, logger),
    graph: new ResourceGraphReader(credential, {
      pipeline,
      scope,
      apiVersion: apiVersions.resourceGraph,
      timeoutMs,
      logger,
    }),
  };
}
