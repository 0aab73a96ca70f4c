import { mockServices } from '@backstage/backend-test-utils';
import {
  DockerHubError,
  type DockerHubClient,
  type DockerHubSession,
  type RegistryProbeResult,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type {
  OnboardingInput,
  WriteScopedTokenPolicy,
} from '../input/parseOnboardingInput';
import { dockerHubPreflight } from './dockerHubPreflight';
import { PreflightRecorder } from './PreflightRecorder';

/**
 * Outcomes Docker Hub can produce but the emulator cannot (its sign-in ties a token to its own
 * user, and listing and pulling share one visibility rule), and every token scope and push-probe
 * answer, from a fixed Docker Hub. The input is written out rather than parsed, so these suites
 * do not depend on the input rules.
 */
function onboardingInput(
  writeScopedTokens: WriteScopedTokenPolicy = 'refuse',
): OnboardingInput {
  const subscriptionId = '00000000-0000-0000-0000-000000000001';
  return {
    organization: 'acme',
    username: 'mdcuser',
    accessToken: 'dckr_pat_abcdefghijklmnopqrstuvwxyz0',
    subscription: {
      id: subscriptionId,
      displayName: 'Production',
      resourceGroups: ['rg-defender'],
      defaults: {},
    },
    resourceGroup: 'rg-defender',
    location: 'westeurope',
    connectorName: 'dockerhub-acme',
    connectorId: `/subscriptions/${subscriptionId}/resourceGroups/rg-defender/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
    plans: { defenderForContainers: true, defenderCspm: false },
    scanIntervalHours: 24,
    tags: {},
    writeScopedTokens,
    given: {},
  };
}

type Probe = (
  repository: string,
  signal?: AbortSignal,
) => Promise<RegistryProbeResult>;

/**
 * Docker Hub as `FetchDockerHubClient` reports it for mdcuser, Editor of acme, which has one
 * public and two private repositories: a read-only token (repo:read), whose pull is granted and
 * push refused, unless a test says otherwise.
 */
function dockerHubAnswering(
  session: Partial<Omit<DockerHubSession, 'probeRegistryAccess'>> & {
    pull?: Probe;
    push?: Probe;
  } = {},
): DockerHubClient {
  const { pull, push, ...rest } = session;
  const probes: Record<string, Probe> = {
    pull: pull ?? (async () => ({ outcome: 'granted', actions: ['pull'] })),
    push:
      push ??
      (async () => ({
        outcome: 'insufficientScope',
        detail: 'access token has insufficient scopes',
      })),
  };
  return {
    signIn: async () => ({
      claims: { scope: 'repo:read', username: 'mdcuser' },
      listOrganizations: async () => [{ name: 'acme', role: 'editor' }],
      listRepositories: async () => [
        { namespace: 'acme', name: 'web', isPrivate: false },
        { namespace: 'acme', name: 'worker', isPrivate: true },
        { namespace: 'acme', name: 'api', isPrivate: true },
      ],
      probeRegistryAccess: async (repository, action, options) =>
        probes[action](repository, options?.signal),
      ...rest,
    }),
    countPublicRepositories: async () => {
      throw new Error('the pre-flight with a token never lists anonymously');
    },
  };
}

async function run(
  client: DockerHubClient,
  input = onboardingInput(),
  signal?: AbortSignal,
  options: { allowUnprovenReadOnly?: boolean } = {},
) {
  const recorder = new PreflightRecorder(mockServices.logger.mock());
  await dockerHubPreflight(client, input, recorder, signal, options);
  return {
    checks: Object.fromEntries(recorder.checks.map(c => [c.id, c])),
    onlyUserFailures: recorder.onlyUserFailures,
  };
}

describe('dockerHubPreflight outcomes the emulator cannot produce', () => {
  it('fails when the token belongs to another user, naming both', async () => {
    const { checks } = await run(
      dockerHubAnswering({
        claims: { scope: 'repo:read', username: 'someoneelse' },
      }),
    );
    expect(checks['dockerhub.identity']).toMatchObject({
      status: 'fail',
      message: 'the token belongs to someoneelse, not mdcuser.',
    });
  });

  it('fails when a listed private repository cannot be pulled', async () => {
    const { checks } = await run(
      dockerHubAnswering({
        pull: async () => ({ outcome: 'granted', actions: [] }),
      }),
    );
    expect(checks['dockerhub.privateRepositoryAccess'].status).toBe('fail');
    expect(checks['dockerhub.readOnly'].status).toBe('pass');
  });
});

describe('dockerHubPreflight token scope', () => {
  const scopeCheck = async (
    scope: string | undefined,
    policy?: WriteScopedTokenPolicy,
    allowUnprovenReadOnly?: boolean,
  ) => {
    const { checks } = await run(
      dockerHubAnswering({ claims: { scope, username: 'mdcuser' } }),
      onboardingInput(policy),
      undefined,
      { allowUnprovenReadOnly },
    );
    return checks['dockerhub.tokenScope'];
  };
  const readOnlyToken =
    'create a "Read-only" personal access token for user mdcuser and run again.';

  it('passes a "Read-only" token (repo:read)', async () => {
    expect(await scopeCheck('repo:read')).toEqual({
      id: 'dockerhub.tokenScope',
      title: 'Docker Hub token scope',
      status: 'pass',
      message: 'Read-only (repo:read)',
    });
  });

  it('fails a "Public Repo Read-only" token (repo:public_read): it cannot see private repositories', async () => {
    expect(await scopeCheck('repo:public_read')).toEqual({
      id: 'dockerhub.tokenScope',
      title: 'Docker Hub token scope',
      status: 'fail',
      message:
        'the token is "Public Repo Read-only" (repo:public_read): Defender could not see the private repositories, and it scans only private ones.',
      remedy: readOnlyToken,
    });
  });

  it.each(['repo:write', 'repo:admin'])(
    'fails a token with write scope (%s) by default',
    async scope => {
      for (const policy of [undefined, 'refuse'] as const) {
        expect(await scopeCheck(scope, policy)).toEqual({
          id: 'dockerhub.tokenScope',
          title: 'Docker Hub token scope',
          status: 'fail',
          message: `the token has write scope (${scope}); Defender needs read access only.`,
          remedy: readOnlyToken,
        });
      }
    },
  );

  it.each(['repo:write', 'repo:admin'])(
    'only warns about a token with write scope (%s) under writeScopedTokens: warn',
    async scope => {
      expect(await scopeCheck(scope, 'warn')).toEqual({
        id: 'dockerhub.tokenScope',
        title: 'Docker Hub token scope',
        status: 'warn',
        message: `the token has write scope (${scope}); Defender needs read access only (allowed by writeScopedTokens: warn).`,
        remedy: readOnlyToken,
      });
    },
  );

  const unprovenRemedy =
    'create a "Read-only" personal access token for user mdcuser (Docker Hub → Account settings → Personal access tokens) and run again.';
  const optOut = 'defenderForContainers.dockerHub.allowUnprovenReadOnly';

  it('fails when Docker does not say what the token may do (a password), by default', async () => {
    for (const policy of [undefined, 'refuse', 'warn'] as const) {
      expect(await scopeCheck(undefined, policy)).toEqual({
        id: 'dockerhub.tokenScope',
        title: 'Docker Hub token scope',
        status: 'fail',
        message:
          'Docker Hub did not say what the credential of mdcuser may do (a password or an old-style token?): read-only is not proven, and a credential that can write must not be stored in Azure.',
        remedy: `${unprovenRemedy} (To accept the risk instead, an administrator can set ${optOut}: true.)`,
      });
    }
  });

  it(`only warns about a token without scope under ${optOut}`, async () => {
    expect(await scopeCheck(undefined, undefined, true)).toEqual({
      id: 'dockerhub.tokenScope',
      title: 'Docker Hub token scope',
      status: 'warn',
      message: `Docker Hub did not say what the credential of mdcuser may do (a password or an old-style token?): read-only is not proven; allowed by ${optOut}.`,
      remedy: unprovenRemedy,
    });
  });

  it(`passes a token without scope, that the registry proves read-only, under ${optOut} with exactly one warning line`, async () => {
    const logger = mockServices.logger.mock();
    const recorder = new PreflightRecorder(logger);
    await dockerHubPreflight(
      dockerHubAnswering({ claims: { username: 'mdcuser' } }),
      onboardingInput(),
      recorder,
      undefined,
      { allowUnprovenReadOnly: true },
    );
    expect(recorder.failed).toEqual([]);
    expect(recorder.warnings.map(c => c.id)).toEqual(['dockerhub.tokenScope']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining(`read-only is not proven; allowed by ${optOut}.`),
    );
    expect(logger.error).not.toHaveBeenCalled();
  });

  it.each(['repo:delete', ''])(
    "fails a scope it does not know ('%s') by default, warns under the opt-out",
    async scope => {
      expect(await scopeCheck(scope)).toMatchObject({
        status: 'fail',
        message: `unknown token scope '${scope}': read-only is not proven, and a credential that can write must not be stored in Azure.`,
      });
      expect(await scopeCheck(scope, undefined, true)).toMatchObject({
        status: 'warn',
        message: `unknown token scope '${scope}': read-only is not proven; allowed by ${optOut}.`,
      });
    },
  );
});

describe('dockerHubPreflight registry push probe (read-only check)', () => {
  const pushCheck = async (
    push: Probe,
    policy?: WriteScopedTokenPolicy,
    signal?: AbortSignal,
  ) => {
    const result = await run(
      dockerHubAnswering({ push }),
      onboardingInput(policy),
      signal,
    );
    return {
      check: result.checks['dockerhub.readOnly'],
      onlyUserFailures: result.onlyUserFailures,
    };
  };
  const check = {
    id: 'dockerhub.readOnly',
    title: 'Read-only token (registry push probe)',
  };

  it('passes when the registry refuses push for insufficient scope, probing the first private repository', async () => {
    const probed: string[] = [];
    const { check: readOnly } = await pushCheck(async repository => {
      probed.push(repository);
      return {
        outcome: 'insufficientScope',
        detail: 'access token has insufficient scopes',
      };
    });
    expect(readOnly).toEqual({
      ...check,
      status: 'pass',
      message:
        'the registry refuses push to acme/api for this token: read-only confirmed',
    });
    expect(probed).toEqual(['acme/api']);
  });

  it('fails when the registry rejects the credentials, with what it said', async () => {
    expect(
      await pushCheck(async () => ({
        outcome: 'unauthorized',
        detail: 'incorrect username or password',
      })),
    ).toEqual({
      check: {
        ...check,
        status: 'fail',
        message:
          'the registry rejected the credentials (incorrect username or password).',
        remedy: 'check the token of mdcuser and run again.',
      },
      onlyUserFailures: true,
    });
  });

  it('fails when the registry rejects the credentials without saying why', async () => {
    expect(
      (await pushCheck(async () => ({ outcome: 'unauthorized' }))).check,
    ).toEqual({
      ...check,
      status: 'fail',
      message: 'the registry rejected the credentials (401).',
      remedy: 'check the token of mdcuser and run again.',
    });
  });

  it('fails when the registry grants push: the token can write', async () => {
    for (const policy of [undefined, 'refuse'] as const) {
      expect(
        await pushCheck(
          async () => ({ outcome: 'granted', actions: ['pull', 'push'] }),
          policy,
        ),
      ).toEqual({
        check: {
          ...check,
          status: 'fail',
          message: 'the registry grants push to acme/api: the token can write.',
          remedy: 'create a "Read-only" token for user mdcuser and run again.',
        },
        onlyUserFailures: true,
      });
    }
  });

  it('only warns when the registry grants push under writeScopedTokens: warn', async () => {
    expect(
      (
        await pushCheck(
          async () => ({ outcome: 'granted', actions: ['push'] }),
          'warn',
        )
      ).check,
    ).toEqual({
      ...check,
      status: 'warn',
      message: 'the registry grants push to acme/api: the token can write.',
      remedy: 'create a "Read-only" token for user mdcuser and run again.',
    });
  });

  it.each([[['pull']], [[]]])(
    'passes when the registry grants a token without push (%j)',
    async actions => {
      expect(
        (await pushCheck(async () => ({ outcome: 'granted', actions }))).check,
      ).toEqual({
        ...check,
        status: 'pass',
        message: 'the registry grants no push to acme/api',
      });
    },
  );

  it('fails as Docker’s fault, to run again later, when the registry is unavailable', async () => {
    expect(
      await pushCheck(async () => {
        throw new DockerHubError({
          operation: 'GET registry token (push)',
          status: 503,
          detail: 'Service Unavailable',
        });
      }),
    ).toEqual({
      check: {
        ...check,
        status: 'fail',
        message:
          'could not probe acme/api: Docker Hub GET registry token (push) failed: 503: Service Unavailable',
        remedy:
          'Docker Hub is throttling or unavailable; run again in a few minutes.',
      },
      onlyUserFailures: false,
    });
  });

  it('stops waiting for the registry when the task is cancelled', async () => {
    const controller = new AbortController();
    const { check: readOnly } = await pushCheck(
      (_repository, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(signal.reason));
          controller.abort();
        }),
      undefined,
      controller.signal,
    );
    expect(readOnly).toEqual({
      ...check,
      status: 'fail',
      message:
        'could not probe acme/api: AbortError: This operation was aborted',
      remedy: 'check the Docker Hub status and the inputs, then run again.',
    });
  });
});

describe('dockerHubPreflight without a private repository', () => {
  const optOut = 'defenderForContainers.dockerHub.allowUnprovenReadOnly';
  const publicOnly = (
    push: Probe,
    repositories = [{ namespace: 'acme', name: 'web', isPrivate: false }],
  ) => {
    const probed: string[] = [];
    const client = dockerHubAnswering({
      listRepositories: async () => repositories,
      pull: async () => {
        throw new Error('no pull probe without a private repository');
      },
      push: async repository => {
        probed.push(repository);
        return push(repository);
      },
    });
    return { client, probed };
  };
  const checksOf = async (
    client: DockerHubClient,
    allowUnprovenReadOnly?: boolean,
    policy?: WriteScopedTokenPolicy,
  ) =>
    (
      await run(client, onboardingInput(policy), undefined, {
        allowUnprovenReadOnly,
      })
    ).checks;

  it('proves read-only with the push probe on a public repository (insufficient scope)', async () => {
    const { client, probed } = publicOnly(async () => ({
      outcome: 'insufficientScope',
      detail: 'access token has insufficient scopes',
    }));
    const checks = await checksOf(client);
    expect(probed).toEqual(['acme/web']);
    expect(checks['dockerhub.readOnly']).toMatchObject({
      status: 'pass',
      message:
        'the registry refuses push to acme/web for this token: read-only confirmed (no private repository, so the public acme/web was probed)',
    });
    expect(checks['dockerhub.privateRepositoryAccess']).toMatchObject({
      status: 'skipped',
    });
  });

  it('fails when the registry grants push to the public repository', async () => {
    const { client } = publicOnly(async () => ({
      outcome: 'granted',
      actions: ['pull', 'push'],
    }));
    expect((await checksOf(client, true))['dockerhub.readOnly']).toEqual({
      id: 'dockerhub.readOnly',
      title: 'Read-only token (registry push probe)',
      status: 'fail',
      message: 'the registry grants push to acme/web: the token can write.',
      remedy: 'create a "Read-only" token for user mdcuser and run again.',
    });
  });

  it('refuses by default when the probe proves nothing (no push, no refusal), warns under the opt-out', async () => {
    const { client } = publicOnly(async () => ({
      outcome: 'granted',
      actions: ['pull'],
    }));
    expect((await checksOf(client))['dockerhub.readOnly']).toMatchObject({
      status: 'fail',
      message:
        "acme has no private repository, and the registry neither refused the token's push scope nor granted push to acme/web: read-only is not proven, and a credential that can write must not be stored in Azure.",
      remedy: expect.stringContaining(
        'create a "Read-only" personal access token for user mdcuser',
      ),
    });
    expect((await checksOf(client, true))['dockerhub.readOnly']).toMatchObject({
      status: 'warn',
      message: expect.stringContaining(
        `read-only is not proven; allowed by ${optOut}.`,
      ),
    });
  });

  it('refuses by default when there is no repository to probe at all, warns under the opt-out', async () => {
    const { client, probed } = publicOnly(async () => {
      throw new Error('nothing to probe');
    }, []);
    expect((await checksOf(client))['dockerhub.readOnly']).toEqual({
      id: 'dockerhub.readOnly',
      title: 'Read-only token (registry push probe)',
      status: 'fail',
      message:
        'no repository in acme to run the registry push probe on: read-only is not proven, and a credential that can write must not be stored in Azure.',
      remedy: `create a "Read-only" personal access token for user mdcuser (Docker Hub → Account settings → Personal access tokens) and run again. (To accept the risk instead, an administrator can set ${optOut}: true.)`,
    });
    expect((await checksOf(client, true))['dockerhub.readOnly']).toMatchObject({
      status: 'warn',
    });
    expect(probed).toEqual([]);
  });
});
