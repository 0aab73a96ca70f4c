import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  ArmError,
  isDockerHubConnectorOf,
  sameArmId,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import {
  armFailure,
  connectorNamedBy,
  isBusyConflict,
  type ArmFailureContext,
} from './armFailure';

/**
 * The error a failed connector PUT ends the task with. A 409 that does not name the connector
 * already holding the organization (Azure's wording is not a contract) is followed by one look
 * through the allowed subscriptions, so the message can still name it; a connector created
 * concurrently is found there, one in a subscription Backstage may not read is not.
 */
export async function writeFailure(
  arm: DefenderArmClient,
  subscriptions: AllowedSubscription[],
  input: OnboardingInput,
  e: unknown,
  signal?: AbortSignal,
): Promise<Error> {
  const context: ArmFailureContext = {
    organization: input.organization,
    connectorId: input.connectorId,
  };
  if (
    e instanceof ArmError &&
    e.status === 409 &&
    e.code !== 'ScopeLocked' &&
    !isBusyConflict(e) &&
    !connectorNamedBy(e, input.connectorId)
  ) {
    const lists = await Promise.all(
      subscriptions.map(s =>
        arm.listSecurityConnectors(s.id, { signal }).catch(() => []),
      ),
    );
    context.otherConnectorId = lists
      .flat()
      .find(
        c =>
          isDockerHubConnectorOf(c, input.organization) &&
          !sameArmId(c.id, input.connectorId),
      )?.id;
  }
  return armFailure(`Writing connector ${input.connectorName}`, e, context);
}
