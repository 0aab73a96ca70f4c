import { InputError } from '@backstage/errors';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  formatSecurityConnectorId,
  parseSecurityConnectorId,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { optionalTextInput } from './inputRules';
import {
  parseConnectorName,
  parseOrganization,
  parseResourceGroup,
  parseSubscription,
} from './parseOnboardingInput';

export interface OffboardingInput {
  organization: string;
  /** Known when the inputs name it; otherwise found by searching the allowed subscriptions. */
  connectorId?: string;
}

/**
 * The connector id from its three parts, each held to the onboarding rules: an allowed
 * subscription, a resource group of it (default: its configured one) and the organization's
 * connector name (default: `dockerhub-<organization>`). The same rules whether the parts came
 * from a given `connectorId` or from the separate inputs.
 */
function allowedConnectorId(
  subscriptionId: unknown,
  resourceGroup: unknown,
  connectorName: unknown,
  organization: string,
  allowed: AllowedSubscription[],
): string {
  const subscription = parseSubscription(subscriptionId, allowed);
  return formatSecurityConnectorId({
    subscriptionId: subscription.id,
    resourceGroup: parseResourceGroup(resourceGroup, subscription),
    name: parseConnectorName(connectorName, organization),
  });
}

/** Checks the offboarding inputs, the typed confirmation first of all, before any remote call. */
export function parseOffboardingInput(
  input: Record<string, unknown>,
  allowed: AllowedSubscription[],
): OffboardingInput {
  const organization = parseOrganization(input.organization);
  const confirmation =
    typeof input.confirmation === 'string' ? input.confirmation.trim() : '';
  if (confirmation !== organization) {
    throw new InputError(
      `To offboard, type the organization name '${organization}' in confirmation${
        confirmation ? ' exactly' : ''
      }: deleting the connector stops Defender scanning and removes its findings.`,
    );
  }
  const rawId = optionalTextInput('connectorId', input.connectorId, {
    maxLength: 400,
  });
  if (rawId) {
    let parts;
    try {
      parts = parseSecurityConnectorId(rawId);
    } catch {
      throw new InputError(
        'connectorId is not a security connector id: expected /subscriptions/<id>/resourceGroups/<rg>/providers/Microsoft.Security/securityConnectors/<name>',
      );
    }
    try {
      return {
        organization,
        connectorId: allowedConnectorId(
          parts.subscriptionId,
          parts.resourceGroup,
          parts.name,
          organization,
          allowed,
        ),
      };
    } catch (e) {
      // The rules name the part (subscriptionId, ...); the author passed connectorId.
      if (e instanceof InputError) {
        throw new InputError(`connectorId ${rawId} is refused: ${e.message}`);
      }
      throw e;
    }
  }
  if (input.subscriptionId === undefined || input.subscriptionId === '') {
    return { organization };
  }
  return {
    organization,
    connectorId: allowedConnectorId(
      input.subscriptionId,
      input.resourceGroup,
      input.connectorName,
      organization,
      allowed,
    ),
  };
}
