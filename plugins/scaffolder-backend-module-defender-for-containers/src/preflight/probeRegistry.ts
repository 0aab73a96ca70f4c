import type {
  DockerHubRepository,
  DockerHubSession,
  RegistryProbeResult,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import type { CheckOutcome, PreflightRecorder } from './PreflightRecorder';
import { serviceFailure } from './serviceFailure';
import {
  unprovenReadOnly,
  type DockerHubPreflightOptions,
} from './tokenScopeOutcome';

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

function pullOutcome(
  r: RegistryProbeResult,
  probe: string,
  input: OnboardingInput,
): CheckOutcome {
  if (r.outcome === 'granted' && r.actions.includes('pull')) {
    return { status: 'pass', message: `${input.username} can pull ${probe}` };
  }
  return {
    status: 'fail',
    message: `${input.username} cannot pull the private repository ${probe} (${
      r.outcome === 'granted' ? 'no pull granted' : r.detail ?? r.outcome
    }): Defender could not scan it.`,
    remedy: `give ${input.username} access to ${input.organization}'s repositories (Editor) with a "Read-only" token and run again.`,
  };
}

/**
 * `dockerhub.privateRepositoryAccess` and `dockerhub.readOnly`: the pull and push probes, run
 * concurrently on the first private repository by name; without one, the push probe alone on
 * the first public one. The probes only ask for registry tokens: nothing is pulled or written.
 */
export async function probeRegistry(
  session: DockerHubSession,
  repos: DockerHubRepository[],
  input: OnboardingInput,
  recorder: PreflightRecorder,
  options: DockerHubPreflightOptions,
  signal?: AbortSignal,
): Promise<void> {
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
        unprovenReadOnly(
          `no repository in ${input.organization} to run the registry push probe on`,
          input,
          options,
        ),
      );
      return;
    }
    const inconclusive = unprovenReadOnly(
      `${input.organization} has no private repository, and the registry neither refused the token's push scope nor granted push to ${publicProbe}`,
      input,
      options,
    );
    await session
      .probeRegistryAccess(publicProbe, 'push', { signal })
      .then(
        r =>
          pushOutcome(
            r,
            publicProbe,
            input,
            inconclusive,
            ` (no private repository, so the public ${publicProbe} was probed)`,
          ),
        e => serviceFailure('Docker Hub', e, `could not probe ${publicProbe}`),
      )
      .then(o => recorder.record('dockerhub.readOnly', o));
    return;
  }
  // Separate calls: Docker Hub refuses the whole token request of a read-only token that asks for
  // `pull,push` (https://github.com/docker/cli/pull/4511), which would hide a working pull.
  await Promise.all([
    session
      .probeRegistryAccess(probe, 'pull', { signal })
      .then(
        r => pullOutcome(r, probe, input),
        e => serviceFailure('Docker Hub', e, `could not probe ${probe}`),
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
        e => serviceFailure('Docker Hub', e, `could not probe ${probe}`),
      )
      .then(o => recorder.record('dockerhub.readOnly', o)),
  ]);
}
