import { PREFLIGHT_CHECK_IDS } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  DockerHubError,
  type DockerHubClient,
  type DockerHubRepository,
  type DockerHubSession,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { describeError } from '../errors/describeError';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import { checkTokenFormat } from './checkTokenFormat';
import { membershipOutcome } from './membershipOutcome';
import type { CheckOutcome, PreflightRecorder } from './PreflightRecorder';
import { probeRegistry } from './probeRegistry';
import { serviceFailure } from './serviceFailure';
import {
  tokenScopeOutcome,
  type DockerHubPreflightOptions,
} from './tokenScopeOutcome';

/** What the Docker Hub checks learned, for the onboarding outputs. */
export interface DockerHubFacts {
  repositories?: { total: number; private: number; public: number };
}

function identityOutcome(
  tokenUser: string | undefined,
  input: OnboardingInput,
): CheckOutcome {
  if (!tokenUser) {
    return {
      status: 'warn',
      message: 'not verifiable: Docker’s token does not name its user.',
    };
  }
  if (tokenUser.toLowerCase() === input.username.toLowerCase()) {
    return { status: 'pass', message: `the token belongs to ${tokenUser}` };
  }
  return {
    status: 'fail',
    message: `the token belongs to ${tokenUser}, not ${input.username}.`,
    remedy: `use a token created by ${input.username} (or set username to ${tokenUser} if that is the dedicated user).`,
  };
}

/**
 * Defender scans private repositories only
 * (https://learn.microsoft.com/en-us/azure/defender-for-cloud/agentless-vulnerability-assessment-docker-hub).
 */
function repositoriesOutcome(
  total: number,
  privateCount: number,
  input: OnboardingInput,
): CheckOutcome {
  if (total === 0) {
    return {
      status: 'warn',
      message: `no repositories visible in ${input.organization}: the organization does not exist, is empty, or ${input.username} cannot see it.`,
      remedy: `check the organization name and that ${input.username} is an Editor of it.`,
    };
  }
  const counts = `${total} ${
    total === 1 ? 'repository' : 'repositories'
  } (${privateCount} private, ${total - privateCount} public)`;
  if (privateCount === 0) {
    return {
      status: 'warn',
      message: `${counts}: no private repository, so Defender has nothing to scan (public repositories are not supported).`,
      remedy: `give ${input.username} access to the private repositories, or onboard later when there are some.`,
    };
  }
  return { status: 'pass', message: counts };
}

async function signIn(
  client: DockerHubClient,
  input: OnboardingInput,
  signal?: AbortSignal,
): Promise<{ session: DockerHubSession } | { failure: CheckOutcome }> {
  try {
    const session = await client.signIn(
      { username: input.username, secret: input.accessToken },
      { signal },
    );
    return { session };
  } catch (e) {
    if (e instanceof DockerHubError && e.status === 401) {
      const failure: CheckOutcome = {
        status: 'fail',
        message: `Docker Hub rejected user ${
          input.username
        } with this token (${describeError(e)}).`,
        remedy: `check the user name, and that the token is active and not expired; if needed create a new "Read-only" token for ${input.username} and run again.`,
      };
      return { failure };
    }
    return { failure: serviceFailure('Docker Hub', e, 'could not sign in') };
  }
}

/**
 * The Docker Hub half of the pre-flight: sign-in (`POST /v2/auth/token`,
 * https://docs.docker.com/reference/api/hub/latest/), then membership and the repository
 * listing concurrently, then the registry probes. Read-only: nothing is ever written to Docker
 * Hub. A credential not proven read-only is refused unless `options.allowUnprovenReadOnly`.
 */
export async function dockerHubPreflight(
  client: DockerHubClient,
  input: OnboardingInput,
  recorder: PreflightRecorder,
  signal?: AbortSignal,
  options: DockerHubPreflightOptions = {},
): Promise<DockerHubFacts> {
  // Every Docker Hub check after the sign-in needs it.
  const dependents = PREFLIGHT_CHECK_IDS.slice(
    PREFLIGHT_CHECK_IDS.indexOf('dockerhub.signIn') + 1,
  ).filter(id => id.startsWith('dockerhub.'));
  const format = recorder.record(
    'dockerhub.tokenFormat',
    checkTokenFormat(input.accessToken, input.username),
  );
  if (format.status === 'fail') {
    recorder.skip(
      ['dockerhub.signIn', ...dependents],
      'unsupported token type',
    );
    return {};
  }

  const signedIn = await signIn(client, input, signal);
  if ('failure' in signedIn) {
    recorder.record('dockerhub.signIn', signedIn.failure);
    recorder.skip([...dependents], 'Docker Hub sign-in failed');
    return {};
  }
  const { session } = signedIn;
  recorder.record('dockerhub.signIn', {
    status: 'pass',
    message: `signed in as ${session.claims.username ?? input.username}`,
  });
  recorder.record(
    'dockerhub.tokenScope',
    tokenScopeOutcome(session.claims.scope, input, options),
  );
  recorder.record(
    'dockerhub.identity',
    identityOutcome(session.claims.username, input),
  );

  const facts: DockerHubFacts = {};
  const listAndProbe = async () => {
    let repos: DockerHubRepository[];
    try {
      repos = await session.listRepositories(input.organization, { signal });
    } catch (e) {
      recorder.record(
        'dockerhub.repositories',
        serviceFailure(
          'Docker Hub',
          e,
          `could not list the repositories of ${input.organization}`,
        ),
      );
      recorder.skip(
        ['dockerhub.privateRepositoryAccess', 'dockerhub.readOnly'],
        'repositories could not be listed',
      );
      return;
    }
    const privateCount = repos.filter(r => r.isPrivate).length;
    facts.repositories = {
      total: repos.length,
      private: privateCount,
      public: repos.length - privateCount,
    };
    recorder.record(
      'dockerhub.repositories',
      repositoriesOutcome(repos.length, privateCount, input),
    );
    await probeRegistry(session, repos, input, recorder, options, signal);
  };
  await Promise.all([
    membershipOutcome(session, input, signal).then(o =>
      recorder.record('dockerhub.membership', o),
    ),
    listAndProbe(),
  ]);
  return facts;
}
