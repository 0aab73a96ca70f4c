import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  sameArmId,
  type DefenderArmClient,
  describeConnector,
  isDockerHubConnectorOf,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { describeError, isUnregisteredProvider } from '../errors/describeError';
import type { OnboardingTarget } from '../input/parseOnboardingInput';
import type { AzureFacts } from './azurePreflight';
import type { CheckOutcome } from './PreflightRecorder';
import { serviceFailure } from './serviceFailure';

/**
 * `azure.existingConnector`: this organization's connector, looked for in every allowed
 * subscription (the target's listed first), since Defender allows one per Docker Hub organization
 * (https://learn.microsoft.com/en-us/azure/defender-for-cloud/agentless-vulnerability-assessment-docker-hub).
 * Sets `facts.existing` when it is at the target id (update in place).
 */
export async function existingConnectorOutcome(
  arm: DefenderArmClient,
  input: OnboardingTarget,
  allowed: AllowedSubscription[],
  facts: AzureFacts,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const listings = await Promise.all(
    allowed.map(s =>
      arm.listSecurityConnectors(s.id, { signal }).then(
        connectors => ({ subscription: s, connectors, error: undefined }),
        error => ({
          subscription: s,
          connectors: [] as SecurityConnector[],
          error: isUnregisteredProvider(error) ? undefined : error,
        }),
      ),
    ),
  );
  const targetListing = listings.find(
    l => l.subscription.id === input.subscription.id,
  )!;
  if (targetListing.error) {
    return serviceFailure(
      'Azure',
      targetListing.error,
      `could not list the connectors of subscription ${input.subscription.displayName}`,
    );
  }
  const all = listings.flatMap(l => l.connectors);
  const atTarget = all.find(c => sameArmId(c.id, input.connectorId));
  if (atTarget && !isDockerHubConnectorOf(atTarget, input.organization)) {
    return {
      status: 'fail',
      message: `the name ${input.connectorName} is taken in ${
        input.resourceGroup
      } by ${describeConnector(atTarget)}.`,
      remedy: 'choose another connectorName and run again.',
    };
  }
  const elsewhere = all.find(
    c =>
      isDockerHubConnectorOf(c, input.organization) &&
      !sameArmId(c.id, input.connectorId),
  );
  if (elsewhere) {
    return {
      status: 'fail',
      message: `${input.organization} already has a Defender connector: ${elsewhere.id}. Defender allows one connector per Docker Hub organization.`,
      remedy:
        'onboard into that same subscription, resource group and connector name to update it, or offboard it first (defender:dockerhub:offboard).',
    };
  }
  const unlisted = listings.filter(l => l.error);
  const partial = unlisted.length
    ? ` Could not list ${unlisted
        .map(l => l.subscription.displayName)
        .join(', ')} (${describeError(
        unlisted[0].error,
      )}): a connector there would not be detected.`
    : '';
  if (atTarget) {
    facts.existing = atTarget;
    return {
      status: unlisted.length ? 'warn' : 'pass',
      message: `${input.connectorName} already connects ${input.organization}: it will be updated in place.${partial}`,
    };
  }
  return {
    status: unlisted.length ? 'warn' : 'pass',
    message: `no connector for ${input.organization} yet: ${input.connectorName} will be created.${partial}`,
  };
}
