import type { DefenderArmClient } from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingTarget } from '../input/parseOnboardingInput';
import type { AzureFacts } from './azurePreflight';
import type { CheckOutcome } from './PreflightRecorder';
import { armReadFailure } from './serviceFailure';

/**
 * `azure.plans`: Microsoft asks for a Docker Hub connector's plans to be in sync with its
 * subscription's, and for Defender for Containers or Defender CSPM to be on there
 * (https://learn.microsoft.com/en-us/azure/defender-for-cloud/agentless-vulnerability-assessment-docker-hub).
 * Sets `facts.plansOn`.
 */
export async function plansOutcome(
  arm: DefenderArmClient,
  input: OnboardingTarget,
  facts: AzureFacts,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const sub = input.subscription;
  let containers;
  let cspm;
  try {
    [containers, cspm] = await Promise.all([
      arm.getPricing(sub.id, 'Containers', { signal }),
      arm.getPricing(sub.id, 'CloudPosture', { signal }),
    ]);
  } catch (e) {
    return armReadFailure(
      e,
      'could not read the Defender plans',
      'check the plans in Defender for Cloud → Environment settings.',
    );
  }
  const on = {
    defenderForContainers: containers.pricingTier.toLowerCase() === 'standard',
    defenderCspm: cspm.pricingTier.toLowerCase() === 'standard',
  };
  facts.plansOn = on;
  const state = `Defender for Containers ${
    on.defenderForContainers ? 'on' : 'off'
  }, Defender CSPM ${on.defenderCspm ? 'on' : 'off'} on ${sub.displayName}`;
  const enable = `enable it on subscription ${sub.displayName} in Defender for Cloud → Environment settings → Defender plans.`;
  if (!on.defenderForContainers && !on.defenderCspm) {
    return {
      status: 'warn',
      message: `${state}: vulnerability findings will not appear (Docker Hub plans must be in sync with the subscription's).`,
      remedy: `enable Defender for Containers or Defender CSPM on ${sub.displayName}.`,
    };
  }
  const missing = [
    input.plans.defenderForContainers &&
      !on.defenderForContainers &&
      'Defender for Containers',
    input.plans.defenderCspm && !on.defenderCspm && 'Defender CSPM',
  ].filter(Boolean);
  if (missing.length) {
    return {
      status: 'warn',
      message: `${state}: ${missing.join(
        ' and ',
      )} chosen for the connector but off on the subscription, so its findings will not appear.`,
      remedy: enable,
    };
  }
  return { status: 'pass', message: state };
}
