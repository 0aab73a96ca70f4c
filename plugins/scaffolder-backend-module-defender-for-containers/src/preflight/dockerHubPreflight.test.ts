import { mockServices } from '@backstage/backend-test-utils';
import type {
  DockerHubClient,
  DockerHubSession,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { parseOnboardingInput } from '../input/parseOnboardingInput';
import { dockerHubPreflight } from './dockerHubPreflight';
import { PreflightRecorder } from './PreflightRecorder';

/**
 * Two outcomes Docker Hub can produce but the emulator cannot (its sign-in ties a token to its
 * own user, and listing and pulling share one visibility rule), so a fixed Docker Hub answers here.
 */
const input = parseOnboardingInput(
  {
    organization: 'acme',
    username: 'mdcuser',
    accessToken: 'dckr_pat_abcdefghijklmnopqrstuvwxyz0',
    subscriptionId: '00000000-0000-0000-0000-000000000001',
    resourceGroup: 'rg',
    location: 'westeurope',
  },
  [
    {
      id: '00000000-0000-0000-0000-000000000001',
      displayName: 'P',
      resourceGroups: [],
      defaults: {},
    },
  ],
);

function dockerHubAnswering(
  session: Partial<DockerHubSession>,
): DockerHubClient {
  return {
    signIn: async () => ({
      claims: { scope: 'repo:read', username: 'mdcuser' },
      listOrganizations: async () => [{ name: 'acme', role: 'editor' }],
      listRepositories: async () => [
        { namespace: 'acme', name: 'api', isPrivate: true },
      ],
      probeRegistryAccess: async (_r, action) =>
        action === 'pull'
          ? { outcome: 'granted', actions: ['pull'] }
          : { outcome: 'insufficientScope' },
      ...session,
    }),
  };
}

async function run(client: DockerHubClient) {
  const recorder = new PreflightRecorder(mockServices.logger.mock());
  await dockerHubPreflight(client, input, recorder);
  return Object.fromEntries(recorder.checks.map(c => [c.id, c]));
}

describe('dockerHubPreflight outcomes the emulator cannot produce', () => {
  it('fails when the token belongs to another user, naming both', async () => {
    const checks = await run(
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
    const checks = await run(
      dockerHubAnswering({
        probeRegistryAccess: async () => ({ outcome: 'granted', actions: [] }),
      }),
    );
    expect(checks['dockerhub.privateRepositoryAccess'].status).toBe('fail');
    expect(checks['dockerhub.readOnly'].status).toBe('pass');
  });
});
