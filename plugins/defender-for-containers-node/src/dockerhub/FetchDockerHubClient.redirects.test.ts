import { READ_TOKEN, registerDefenderTestEmulatorHooks } from '../testUtils';
import { DockerHubError } from './DockerHubError';

// A proxy, a moved endpoint or an attacker in the path answers with a redirect: following it
// would send the token (sign-in) or the session's JWT (every later call) to wherever it points.
describe('FetchDockerHubClient and redirects (emulator, HTTPS)', () => {
  const t = registerDefenderTestEmulatorHooks();
  const requests = () => t.emu.state().requestLog.map(e => e.path);

  it('does not follow a redirect of the sign-in, which carries the token, and names only its origin', async () => {
    // Back to the emulator itself, so a followed redirect would show in its log.
    const stolen = `${t.emu.urls.dockerHubApi}/v2/stolen?secret=path-and-query`;
    t.emu.injectFault({
      route: /\/auth\/token$/,
      kind: 'redirect',
      location: stolen,
      times: 1,
    });
    const before = requests().length;
    const error = await t.dockerHub
      .signIn({ username: 'mdcuser', secret: READ_TOKEN })
      .catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.status).toBe(307);
    expect(error.message).toContain(
      `a redirect to ${
        new URL(stolen).origin
      }, which Backstage does not follow`,
    );
    expect(error.message).not.toContain('stolen');
    expect(error.message).not.toContain(READ_TOKEN);
    // one request, not followed and not retried
    expect(requests().slice(before)).toHaveLength(1);
    expect(requests().some(p => p.includes('stolen'))).toBe(false);
  });

  it('does not follow a redirect of a call that carries the session', async () => {
    const session = await t.dockerHub.signIn({
      username: 'mdcuser',
      secret: READ_TOKEN,
    });
    t.emu.injectFault({
      route: /\/v2\/user\/orgs/,
      kind: 'redirect',
      location: 'https://elsewhere.invalid/collect',
      times: 1,
    });
    const error = await session.listOrganizations().catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.message).toContain(
      'a redirect to https://elsewhere.invalid, which Backstage does not follow',
    );
  });
});
