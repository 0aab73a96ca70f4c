import {
  ArmError,
  type ArmPermission,
  type DefenderArmClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { describeError, isTransient } from '../errors/describeError';
import type { OnboardingTarget } from '../input/parseOnboardingInput';
import { permits } from './permits';
import type { CheckOutcome } from './PreflightRecorder';
import { serviceFailure } from './serviceFailure';

const WRITE_ACTION = 'Microsoft.Security/securityConnectors/write';

/** `azure.resourceGroupAccess`: whether Backstage's identity may write the connector there. */
export async function resourceGroupAccessOutcome(
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
    return serviceFailure('Azure', e, 'could not read permissions');
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
