import type { OnboardingInput } from '../input/parseOnboardingInput';
import type { CheckOutcome } from './PreflightRecorder';

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
export function unprovenReadOnly(
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

/**
 * `dockerhub.tokenScope`, from the `scope` claim of the JWT Docker Hub answered the sign-in with.
 * A personal access token has one permission level ("Repo Read-only", "Repo Public Read-only",
 * "Repo Read & Write", "Repo Read, Write, Delete":
 * https://docs.docker.com/security/access-tokens/reference/), named `repo:read`,
 * `repo:public_read`, `repo:write` and `repo:admin` in the API (an access token's `scopes`:
 * https://docs.docker.com/reference/api/hub/latest/).
 */
export function tokenScopeOutcome(
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
    // Docker documents the sign-in answer only as a JWT
    // (https://docs.docker.com/reference/api/hub/latest/), and its token endpoints refuse a JWT
    // made from a personal access token (https://github.com/docker/hub-feedback/issues/2478), so
    // the undocumented `scope` claim is the only place a token states its own scope. Without it
    // (a password, an old-style token) or with an unknown one, nothing shows the credential
    // cannot write.
    case undefined:
      return unprovenReadOnly(
        `Docker Hub did not say what the credential of ${input.username} may do (a password or an old-style token?)`,
        input,
        options,
      );
    default:
      return unprovenReadOnly(`unknown token scope '${scope}'`, input, options);
  }
}
