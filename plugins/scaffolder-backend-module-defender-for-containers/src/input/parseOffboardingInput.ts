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
    const subscription = parseSubscription(parts.subscriptionId, allowed);
    const resourceGroup = parseResourceGroup(parts.resourceGroup, subscription);
    const name = parseConnectorName(parts.name, organization);
    return {
      organization,
      connectorId: formatSecurityConnectorId({
        subscriptionId: subscription.id,
        resourceGroup,
        name,
      }),
    };
  }
  if (input.subscriptionId === undefined || input.subscriptionId === '') {
    return { organization };
  }
  const subscription = parseSubscription(input.subscriptionId, allowed);
  const resourceGroup = parseResourceGroup(input.resourceGroup, subscription);
  const name = parseConnectorName(input.connectorName, organization);
  return {
    organization,
    connectorId: formatSecurityConnectorId({
      subscriptionId: subscription.id,
      resourceGroup,
      name,
    }),
  };
}
