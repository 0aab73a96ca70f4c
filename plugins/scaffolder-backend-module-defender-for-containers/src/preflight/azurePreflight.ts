import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  DefenderArmClient,
  SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  describeError,
  isTransientSignInFailure,
} from '../errors/describeError';
import type { OnboardingTarget } from '../input/parseOnboardingInput';
import { existingConnectorOutcome } from './existingConnectorOutcome';
import { plansOutcome } from './plansOutcome';
import type { CheckOutcome, PreflightRecorder } from './PreflightRecorder';
import { resourceGroupAccessOutcome } from './resourceGroupAccessOutcome';
import { armReadFailure } from './serviceFailure';

/** What the Azure checks learned, for the PUT and the outputs. */
export interface AzureFacts {
  /** The connector at the target id, when it is this organization's (update path). */
  existing?: SecurityConnector;
  plansOn?: { defenderForContainers?: boolean; defenderCspm?: boolean };
}

/**
 * The Azure half of the pre-flight: the credential first (everything else needs a token), then
 * provider registration, plans, existing connectors and resource group access concurrently.
 * Reads only.
 */
export async function azurePreflight(
  arm: DefenderArmClient,
  input: OnboardingTarget,
  allowed: AllowedSubscription[],
  recorder: PreflightRecorder,
  signal?: AbortSignal,
): Promise<AzureFacts> {
  recorder.record('azure.subscriptionAllowed', {
    status: 'pass',
    message: `${input.subscription.displayName} (${input.subscription.id}) is in defenderForContainers.azure.subscriptions`,
  });
  try {
    await arm.verifyCredential({ signal });
  } catch (e) {
    recorder.record('azure.credential', {
      status: 'fail',
      message: `Backstage could not sign in to Azure: ${describeError(e)}`,
      remedy: isTransientSignInFailure(e)
        ? 'Microsoft Entra ID is throttling or unavailable right now, the credential itself may be fine: run the task again in a minute or two.'
        : 'a Backstage operator must fix defenderForContainers.azure.credential (or the identity it names).',
      serviceError: true,
    });
    recorder.skip(
      [
        'azure.providerRegistration',
        'azure.plans',
        'azure.existingConnector',
        'azure.resourceGroupAccess',
      ],
      'no Azure credential',
    );
    return {};
  }
  recorder.record('azure.credential', {
    status: 'pass',
    message: 'Backstage signed in to Azure',
  });
  const facts: AzureFacts = {};
  const sub = input.subscription;
  await Promise.all([
    arm
      .getProviderRegistrationState(sub.id, 'Microsoft.Security', { signal })
      .then(
        (state): CheckOutcome => registrationOutcome(state, sub),
        e =>
          armReadFailure(
            e,
            'could not read the provider registration',
            'make sure Microsoft.Security is registered on the subscription.',
          ),
      )
      .then(o => recorder.record('azure.providerRegistration', o)),
    plansOutcome(arm, input, facts, signal).then(o =>
      recorder.record('azure.plans', o),
    ),
    existingConnectorOutcome(
      arm,
      input,
      [...allowedFirst(sub, allowed)],
      facts,
      signal,
    ).then(o => recorder.record('azure.existingConnector', o)),
    resourceGroupAccessOutcome(arm, input, signal).then(o =>
      recorder.record('azure.resourceGroupAccess', o),
    ),
  ]);
  return facts;
}

function registrationOutcome(
  state: string,
  sub: AllowedSubscription,
): CheckOutcome {
  if (state.toLowerCase() === 'registered') {
    return { status: 'pass', message: `registered on ${sub.displayName}` };
  }
  if (state.toLowerCase() === 'registering') {
    return {
      status: 'warn',
      message: `still registering on ${sub.displayName}.`,
      remedy: 'wait a few minutes; if the PUT fails, run again.',
    };
  }
  return {
    status: 'fail',
    message: `${state} on ${sub.displayName}: Azure would refuse the connector (MissingSubscriptionRegistration).`,
    remedy: `register it (az provider register --namespace Microsoft.Security --subscription ${sub.id}), wait until it is Registered and run again.`,
  };
}

/** The target subscription is always listed, even when config order puts it elsewhere. */
function allowedFirst(
  target: AllowedSubscription,
  allowed: AllowedSubscription[],
) {
  return [target, ...allowed.filter(s => s.id !== target.id)];
}
