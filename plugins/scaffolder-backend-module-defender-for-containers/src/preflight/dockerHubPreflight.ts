import {
  DockerHubError,
  type DockerHubClient,
  type DockerHubRepository,
  type DockerHubSession,
  type RegistryProbeResult,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import { checkTokenFormat } from './checkTokenFormat';
import { describeError, isTransient } from './describeError';
import type { CheckOutcome, PreflightRecorder } from './PreflightRecorder';

/** What the Docker Hub checks learned, for the onboarding outputs. */
export interface DockerHubFacts {
  repositories?: { total: number; private: number; public: number };
}

/** How the pre-flight treats a credential it cannot prove read-only (config, not task input). */
export interface DockerHubPreflightOptions {
  /** `defenderForContainers.dockerHub.allowUnprovenReadOnly`: warn instead of refusing. */
  allowUnprovenReadOnly?: boolean;
}

const OPT_OUT_KEY = 'defenderForContainers.dockerHub.allowUnprovenReadOnly';

/**
 * A credential not proven read-only: refused by default; with the explicit opt-out a warning, so
 * the task log says so in exactly one line (the check's own).
 */
function unproven(
  why: string,
  input: OnboardingInput,
  options: DockerHubPreflightOptions,
): CheckOutcome {
  const remedy = `create a "Read-only" personal access token for user ${input.username} (Docker Hub → Account settings → Personal access tokens) and run again.`;
  return options.allowUnprovenReadOnly
    ? {
        status: 'warn',
        message: `${why}: read-only is not proven; allowed by ${OPT_OUT_KEY}.`,
        remedy,
      }
    : {
        status: 'fail',
        message: `${why}: read-only is not proven, and a credential that can write must not be stored in Azure.`,
        remedy: `${remedy} (To accept the risk instead, an administrator can set ${OPT_OUT_KEY}: true.)`,
      };
}

function serviceFailure(e: unknown, what: string): CheckOutcome {
  return {
    status: 'fail',
    message: `${what}: ${describeError(e)}`,
    remedy: isTransient(e)
      ? 'Docker Hub is throttling or unavailable; run again in a few minutes.'
      : 'check the Docker Hub status and the inputs, then run again.',
    serviceError: true,
  };
}

function scopeOutcome(
  scope: string | undefined,
  input: OnboardingInput,
  options: DockerHubPreflightOptions,
): CheckOutcome {
  const readOnlyToken = `create a "Read-only" personal access token for user ${input.username} and run again.`;
  switch (scope) {
    case 'repo:read':
      return { status: 'pass', message: 'Read-only (repo:read)' };
    case 'repo:public_read':
      return {
        status: 'fail',
        message:
          'the token is "Public Repo Read-only" (repo:public_read): Defender could not see the private repositories, and it scans only private ones.',
        remedy: readOnlyToken,
      };
    case 'repo:write':
    case 'repo:admin':
      return {
        status: input.writeScopedTokens === 'warn' ? 'warn' : 'fail',
        message: `the token has write scope (${scope}); Defender needs read access only${
          input.writeScopedTokens === 'warn'
            ? ' (allowed by writeScopedTokens: warn)'
            : ''
        }.`,
        remedy: readOnlyToken,
      };
    // The Hub JWT's `scope` is the only place a token states its own scope (reference/dockerhub
    // §2.3); without it (a password, an old-style token) or with an unknown one, nothing shows the
    // credential cannot write.
    case undefined:
      return unproven(
        `Docker Hub did not say what the credential of ${input.username} may do (a password or an old-style token?)`,
        input,
        options,
      );
    default:
      return unproven(`unknown token scope '${scope}'`, input, options);
  }
}

async function membership(
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
    return serviceFailure(e, 'could not list the user’s organizations');
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

function pickProbeRepository(
  repos: DockerHubRepository[],
  isPrivate: boolean,
): string | undefined {
  return repos
    .filter(r => r.isPrivate === isPrivate)
    .map(r => `${r.namespace}/${r.name}`.toLowerCase())
    .sort()[0];
}

/**
 * What the registry push probe on `probe` says about the token. Docker Hub refuses a personal
 * access token that asks the registry token service for actions beyond its own scope with
 * `401 … insufficient scopes`, whatever the repository (docker/cli PR #4511,
 * https://github.com/docker/cli/pull/4511; token service:
 * https://docs.docker.com/reference/api/registry/auth/), so that refusal proves read-only on a
 * public repository too. A granted `push` proves the opposite (an Editor's rights cover every
 * repository of the organization:
 * https://docs.docker.com/enterprise/security/roles-and-permissions/core-roles/). A grant
 * without `push` is `noPush`: on a private repository the user's own one, on a public one it
 * proves nothing (the user may simply lack write rights there).
 */
function pushOutcome(
  r: RegistryProbeResult,
  probe: string,
  input: OnboardingInput,
  noPush: CheckOutcome,
  confirmedHow = '',
): CheckOutcome {
  if (r.outcome === 'insufficientScope') {
    return {
      status: 'pass',
      message: `the registry refuses push to ${probe} for this token: read-only confirmed${confirmedHow}`,
    };
  }
  if (r.outcome === 'unauthorized') {
    return {
      status: 'fail',
      message: `the registry rejected the credentials (${r.detail ?? '401'}).`,
      remedy: `check the token of ${input.username} and run again.`,
    };
  }
  if (r.actions.includes('push')) {
    return {
      status: input.writeScopedTokens === 'warn' ? 'warn' : 'fail',
      message: `the registry grants push to ${probe}: the token can write.`,
      remedy: `create a "Read-only" token for user ${input.username} and run again.`,
    };
  }
  return noPush;
}

/**
 * The Docker Hub half of the pre-flight (reference/dockerhub §0): sign-in, then membership and
 * the repository listing concurrently, then the pull and push probes concurrently on one
 * private repository (without one, the push probe alone on a public one). Read-only: nothing is
 * ever written to Docker Hub. A credential not proven read-only is refused unless
 * `options.allowUnprovenReadOnly`.
 */
export async function dockerHubPreflight(
  client: DockerHubClient,
  input: OnboardingInput,
  recorder: PreflightRecorder,
  signal?: AbortSignal,
  options: DockerHubPreflightOptions = {},
): Promise<DockerHubFacts> {
  const dependents = [
    'dockerhub.tokenScope',
    'dockerhub.identity',
    'dockerhub.membership',
    'dockerhub.repositories',
    'dockerhub.privateRepositoryAccess',
    'dockerhub.readOnly',
  ] as const;
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

  let session: DockerHubSession;
  try {
    session = await client.signIn(
      { username: input.username, secret: input.accessToken },
      { signal },
    );
  } catch (e) {
    recorder.record(
      'dockerhub.signIn',
      e instanceof DockerHubError && e.status === 401
        ? {
            status: 'fail',
            message: `Docker Hub rejected user ${
              input.username
            } with this token (${describeError(e)}).`,
            remedy: `check the user name, and that the token is active and not expired; if needed create a new "Read-only" token for ${input.username} and run again.`,
          }
        : serviceFailure(e, 'could not sign in'),
    );
    recorder.skip([...dependents], 'Docker Hub sign-in failed');
    return {};
  }
  recorder.record('dockerhub.signIn', {
    status: 'pass',
    message: `signed in as ${session.claims.username ?? input.username}`,
  });
  recorder.record(
    'dockerhub.tokenScope',
    scopeOutcome(session.claims.scope, input, options),
  );
  recorder.record(
    'dockerhub.identity',
    identityOutcome(session.claims.username, input),
  );

  const facts: DockerHubFacts = {};
  await Promise.all([
    membership(session, input, signal).then(o =>
      recorder.record('dockerhub.membership', o),
    ),
    (async () => {
      let repos: DockerHubRepository[];
      try {
        repos = await session.listRepositories(input.organization, { signal });
      } catch (e) {
        recorder.record(
          'dockerhub.repositories',
          serviceFailure(
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
      const probe = pickProbeRepository(repos, true);
      if (!probe) {
        recorder.skip(
          ['dockerhub.privateRepositoryAccess'],
          'no private repository to probe',
        );
        const publicProbe = pickProbeRepository(repos, false);
        if (!publicProbe) {
          recorder.record(
            'dockerhub.readOnly',
            unproven(
              `no repository in ${input.organization} to run the registry push probe on`,
              input,
              options,
            ),
          );
          return;
        }
        await session
          .probeRegistryAccess(publicProbe, 'push', { signal })
          .then(
            r =>
              pushOutcome(
                r,
                publicProbe,
                input,
                unproven(
                  `${input.organization} has no private repository, and the registry neither refused the token's push scope nor granted push to ${publicProbe}`,
                  input,
                  options,
                ),
                ` (no private repository, so the public ${publicProbe} was probed)`,
              ),
            e => serviceFailure(e, `could not probe ${publicProbe}`),
          )
          .then(o => recorder.record('dockerhub.readOnly', o));
        return;
      }
      // Separate calls: a refused push must not hide a working pull (reference/dockerhub §6).
      await Promise.all([
        session
          .probeRegistryAccess(probe, 'pull', { signal })
          .then(
            (r): CheckOutcome =>
              r.outcome === 'granted' && r.actions.includes('pull')
                ? {
                    status: 'pass',
                    message: `${input.username} can pull ${probe}`,
                  }
                : {
                    status: 'fail',
                    message: `${
                      input.username
                    } cannot pull the private repository ${probe} (${
                      r.outcome === 'granted'
                        ? 'no pull granted'
                        : r.detail ?? r.outcome
                    }): Defender could not scan it.`,
                    remedy: `give ${input.username} access to ${input.organization}'s repositories (Editor) with a "Read-only" token and run again.`,
                  },
            e => serviceFailure(e, `could not probe ${probe}`),
          )
          .then(o => recorder.record('dockerhub.privateRepositoryAccess', o)),
        session
          .probeRegistryAccess(probe, 'push', { signal })
          .then(
            r =>
              pushOutcome(r, probe, input, {
                status: 'pass',
                message: `the registry grants no push to ${probe}`,
              }),
            e => serviceFailure(e, `could not probe ${probe}`),
          )
          .then(o => recorder.record('dockerhub.readOnly', o)),
      ]);
    })(),
  ]);
  return facts;
}
