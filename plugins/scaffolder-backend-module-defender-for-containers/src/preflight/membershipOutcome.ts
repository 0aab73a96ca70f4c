import {
  DockerHubError,
  type DockerHubSession,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { describeError } from '../errors/describeError';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import type { CheckOutcome } from './PreflightRecorder';
import { serviceFailure } from './serviceFailure';

/**
 * `dockerhub.membership`: the user's role in the organization, which Microsoft asks to be Editor
 * (https://learn.microsoft.com/en-us/azure/defender-for-cloud/defender-for-containers-enable-external-registry-for-docker-hub).
 * The user's organizations (`GET /v2/user/orgs`) are not in Docker's API reference
 * (https://docs.docker.com/reference/api/hub/latest/), so a 401, 403 or 404 there only warns.
 */
export async function membershipOutcome(
  session: DockerHubSession,
  input: OnboardingInput,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  const invite = `invite ${input.username} to the organization ${input.organization} as Editor (Docker Hub → Organizations → Members), accept the invitation and run again.`;
  let orgs;
  try {
    orgs = await session.listOrganizations({ signal });
  } catch (e) {
    if (e instanceof DockerHubError && [401, 403, 404].includes(e.status)) {
      return {
        status: 'warn',
        message: `not verifiable: ${describeError(e)}`,
        remedy: `make sure ${input.username} is an Editor of ${input.organization}.`,
      };
    }
    return serviceFailure(
      'Docker Hub',
      e,
      'could not list the user’s organizations',
    );
  }
  const org = orgs.find(
    o => o.name.toLowerCase() === input.organization.toLowerCase(),
  );
  if (!org) {
    return {
      status: 'fail',
      message: `${input.username} is not a member of ${input.organization}.`,
      remedy: invite,
    };
  }
  const role = org.role?.toLowerCase();
  if (role === 'owner' || role === 'editor') {
    return {
      status: 'pass',
      message: `${input.username} is ${role} of ${input.organization}`,
    };
  }
  return {
    status: 'warn',
    message: `${input.username} is ${
      role ? `only a ${role}` : 'a member with an unknown role'
    } of ${input.organization}: it may not see every repository.`,
    remedy: `make ${input.username} an Editor of ${input.organization} (Microsoft’s requirement).`,
  };
}
