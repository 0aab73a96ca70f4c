import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DockerHubClient } from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingTarget } from '../input/parseOnboardingInput';
import { azurePreflight } from './azurePreflight';
import { describeError, isTransient } from '../errors/describeError';
import type { PreflightDeps, PreflightResult } from './runPreflight';
import { PreflightRecorder, type CheckOutcome } from './PreflightRecorder';

/** Why the credential checks are not run here; said on each of them. */
export const TOKEN_CHECKED_AT_ONBOARDING =
  "needs the Docker Hub access token, which is never given to an AI assistant: the onboarding template's Secret field asks for it and checks it before anything is written";

/**
 * What Docker Hub tells anyone about the organization. Its repository listing serves anonymous
 * callers the public repositories, and answers `count: 0` both for an unknown namespace and for
 * one whose repositories are all private (Docker staff in
 * https://github.com/docker/hub-feedback/issues/2357), so only a positive count proves the
 * organization exists. Membership and roles are only listed to signed-in callers
 * (`GET /v2/orgs/{org}/members` requires a bearer token:
 * https://docs.docker.com/reference/api/hub/latest/).
 */
async function organizationOutcome(
  client: DockerHubClient,
  organization: string,
  signal?: AbortSignal,
): Promise<CheckOutcome> {
  let count: number;
  try {
    count = await client.countPublicRepositories(organization, { signal });
  } catch (e) {
    return {
      status: 'warn',
      message: `not verifiable: ${describeError(e)}`,
      remedy: isTransient(e)
        ? 'Docker Hub is throttling or unavailable; run again in a few minutes.'
        : `check that ${organization} is the organization's Docker Hub namespace.`,
    };
  }
  if (count > 0) {
    return {
      status: 'pass',
      message: `${organization} exists on Docker Hub (${count} public ${
        count === 1 ? 'repository' : 'repositories'
      } visible without credentials; private ones are counted at onboarding)`,
    };
  }
  return {
    status: 'warn',
    message: `Docker Hub shows no public repository of ${organization}: the organization does not exist, or all its repositories are private (Docker Hub answers the same for both without credentials).`,
    remedy: `check the spelling of ${organization}; the onboarding template counts its private repositories with the token.`,
  };
}

/**
 * The pre-flight without the Docker Hub credential: every Azure check, and what Docker Hub says
 * anonymously about the organization. The token's checks (format, sign-in, scope, user,
 * membership, private access, read-only) are recorded as skipped, saying where they happen.
 */
export async function tokenFreePreflight(
  deps: Pick<PreflightDeps, 'arm' | 'dockerHub' | 'subscriptions'>,
  target: OnboardingTarget,
  logger: LoggerService,
  signal?: AbortSignal,
): Promise<Omit<PreflightResult, 'throwIfFailed' | 'dockerHub'>> {
  const recorder = new PreflightRecorder(logger);
  const [, azure] = await Promise.all([
    organizationOutcome(deps.dockerHub, target.organization, signal).then(o =>
      recorder.record('dockerhub.repositories', o),
    ),
    azurePreflight(deps.arm, target, deps.subscriptions, recorder, signal),
  ]);
  recorder.skip(
    [
      'dockerhub.tokenFormat',
      'dockerhub.signIn',
      'dockerhub.tokenScope',
      'dockerhub.identity',
      'dockerhub.membership',
      'dockerhub.privateRepositoryAccess',
      'dockerhub.readOnly',
    ],
    TOKEN_CHECKED_AT_ONBOARDING,
  );
  return {
    checks: recorder.checks,
    ok: recorder.failed.length === 0,
    warnings: recorder.warnings.map(c => `${c.title}: ${c.message}`),
    azure,
  };
}
