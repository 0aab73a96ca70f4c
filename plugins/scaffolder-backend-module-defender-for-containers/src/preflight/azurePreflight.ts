import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  ArmError,
  sameArmId,
  type ArmPermission,
  type DefenderArmClient,
  describeConnector,
  isDockerHubConnectorOf,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingTarget } from '../input/parseOnboardingInput';
import {
  describeError,
  isTransient,
  isTransientSignInFailure,
} from './describeError';
import type { CheckOutcome, PreflightRecorder } from './PreflightRecorder';

/** What the Azure checks learned, for the PUT and the outputs. */
export interface AzureFacts {
  /** The connector at the target id, when it is this organization's (update path). */
  existing?: SecurityConnector;
  plansOn?: { defenderForContainers?: boolean; defenderCspm?: boolean };
}

const WRITE_ACTION = 'Microsoft.Security/securityConnectors/write';
const UNREGISTERED = new Set([
  'MissingSubscriptionRegistration',
  'NoRegisteredProviderFound',
]);

function serviceFailure(e: unknown, what: string): CheckOutcome {
  return {
    status: 'fail',
    message: `${what}: ${describeError(e)}`,
    remedy: isTransient(e)
      ? 'Azure is throttling or unavailable; run again in a few minutes.'
      : 'see the error code above; run again once it is fixed.',
    serviceError: true,
  };
}

/** 403: Backstage's identity may not read this; the check cannot decide, so it warns. */
function notVerifiable(e: unknown, remedy: string): CheckOutcome | undefined {
  if (e instanceof ArmError && e.status === 403) {
    return {
      status: 'warn',
      message: `not verifiable: ${describeError(e)}`,
      remedy,
    };
  }
  return undefined;
}

function matches(pattern: string, action: string) {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}

/** Azure RBAC: an action is granted by some `actions` pattern of a permission and not removed by its `notActions`. */
export function permits(permissions: ArmPermission[], action: string) {
  return permissions.some(
    p =>
      p.actions.some(a => matches(a, action)) &&
      !p.notActions.some(a => matches(a, action)),
  );
}

async function existingConnector(
  arm: DefenderArmClient,
  input: OnboardingTarget,
  allowed: AllowedSubscription[],
  facts: AzureFacts,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  // Defender allows one connector per Docker Hub organization: look in every allowed subscription.
  const listings = await Promise.all(
    allowed.map(s =>
      arm.listSecurityConnectors(s.id, { signal }).then(
        connectors => ({ subscription: s, connectors, error: undefined }),
        error => ({
          subscription: s,
          connectors: [] as SecurityConnector[],
          // A subscription without Microsoft.Security registered cannot hold connectors.
          error:
            error instanceof ArmError && UNREGISTERED.has(error.code ?? '')
              ? undefined
              : error,
        }),
      ),
    ),
  );
  const targetListing = listings.find(
    l => l.subscription.id === input.subscription.id,
  )!;
  if (targetListing.error) {
    return serviceFailure(
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

async function plans(
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
    return (
      notVerifiable(
        e,
        'check the plans in Defender for Cloud → Environment settings.',
      ) ?? serviceFailure(e, 'could not read the Defender plans')
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

async function resourceGroupAccess(
  arm: DefenderArmClient,
  input: OnboardingTarget,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  let permissions: ArmPermission[];
  try {
    permissions = await arm.getResourceGroupPermissions(
      input.subscription.id,
      input.resourceGroup,
      { signal },
    );
  } catch (e) {
    if (e instanceof ArmError && e.code === 'ResourceGroupNotFound') {
      return {
        status: 'fail',
        message: `resource group ${input.resourceGroup} does not exist in ${input.subscription.displayName}.`,
        remedy: `create it (az group create -n ${input.resourceGroup} -l ${input.location} --subscription ${input.subscription.id}) or pick another, and run again.`,
      };
    }
    if (e instanceof ArmError && !isTransient(e)) {
      // Permissions may not be readable (403) or the endpoint not served: the PUT will tell.
      return {
        status: 'warn',
        message: `not verifiable before writing: ${describeError(e)}`,
        remedy: `make sure Backstage's Azure identity has Security Admin (or Contributor) on ${input.resourceGroup}.`,
      };
    }
    return serviceFailure(e, 'could not read permissions');
  }
  const rgScope = `/subscriptions/${input.subscription.id}/resourceGroups/${input.resourceGroup}`;
  if (permits(permissions, WRITE_ACTION)) {
    return {
      status: 'pass',
      message: `Backstage may write security connectors in ${input.resourceGroup}`,
    };
  }
  // What it holds that could touch Microsoft.Security (e.g. `*/read`, `Microsoft.Security/*/read`).
  const relevant = [
    ...new Set(
      permissions
        .flatMap(p => p.actions)
        .filter(a => a.startsWith('*') || /^microsoft\.security\//i.test(a)),
    ),
  ];
  return {
    status: 'fail',
    message: `Backstage's Azure identity lacks ${WRITE_ACTION} on resource group ${
      input.resourceGroup
    } (its Microsoft.Security permissions there: ${
      relevant.length ? relevant.slice(0, 3).join(', ') : 'none'
    }${relevant.length > 3 ? ', …' : ''}); Azure would refuse the connector.`,
    remedy: `assign Backstage's Azure identity the Security Admin role (or Contributor) on resource group ${input.resourceGroup} (scope ${rgScope}) or on subscription ${input.subscription.displayName} (/subscriptions/${input.subscription.id}), e.g. az role assignment create --assignee "$BACKSTAGE_CLIENT_ID" --role "Security Admin" --scope ${rgScope}, then run again.`,
  };
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
          notVerifiable(
            e,
            'make sure Microsoft.Security is registered on the subscription.',
          ) ?? serviceFailure(e, 'could not read the provider registration'),
      )
      .then(o => recorder.record('azure.providerRegistration', o)),
    plans(arm, input, facts, signal).then(o =>
      recorder.record('azure.plans', o),
    ),
    existingConnector(
      arm,
      input,
      [...allowedFirst(sub, allowed)],
      facts,
      signal,
    ).then(o => recorder.record('azure.existingConnector', o)),
    resourceGroupAccess(arm, input, signal).then(o =>
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
