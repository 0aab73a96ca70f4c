import { startTestEmulator } from '../__testUtils__/startTestEmulator';
import {
  READ_TOKEN,
  WRITE_TOKEN,
  scenario,
} from '../__testUtils__/emulatorScenario';
import { DockerHubError } from './DockerHubError';
import { FetchDockerHubClient } from './FetchDockerHubClient';
import { loadTrustedCertificates } from '../config/loadTrustedCertificates';

describe('FetchDockerHubClient against the emulator (HTTPS)', () => {
  let t: Awaited<ReturnType<typeof startTestEmulator>>;
  beforeAll(async () => {
    t = await startTestEmulator();
  });
  afterAll(() => t.emu.stop());
  beforeEach(() => {
    t.emu.clearFaults();
    t.emu.loadScenario(scenario);
    t.calls.length = 0;
  });
  const signIn = (secret = READ_TOKEN) =>
    t.dockerHub.signIn({ username: 'mdcuser', secret });
  const jwts = () =>
    t.calls.flatMap(c => {
      try {
        return [
          JSON.parse(c.body).access_token ?? JSON.parse(c.body).token,
        ].filter(Boolean);
      } catch {
        return [];
      }
    });

  it('signs in and reads scope and user from the JWT; the session exposes neither token nor JWT', async () => {
    const session = await signIn();
    expect(session.claims).toMatchObject({
      scope: 'repo:read',
      username: 'mdcuser',
    });
    const [jwt] = jwts();
    expect(jwt).toEqual(expect.any(String));
    const shown = `${JSON.stringify(session)} ${require('node:util').inspect(
      session,
      { depth: 5 },
    )}`;
    expect(shown).not.toContain(READ_TOKEN);
    expect(shown).not.toContain(jwt);
  });

  it('rejects bad credentials with a DockerHubError 401 that does not contain the secret', async () => {
    const error = await signIn('dckr_pat_doesNotExist0000000000000000').catch(
      e => e,
    );
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.status).toBe(401);
    expect(error.message).not.toContain('dckr_pat_doesNotExist');
  });

  it('lists organizations with roles, and every repository page with the Authorization header', async () => {
    const session = await signIn();
    expect(await session.listOrganizations()).toEqual(
      expect.arrayContaining([
        { name: 'acme', role: 'editor' },
        { name: 'memberorg', role: 'member' },
      ]),
    );
    const repos = await session.listRepositories('bigorg');
    expect(repos).toHaveLength(130);
    expect(repos.filter(r => r.isPrivate)).toHaveLength(65);
    const pages = t.calls.filter(c =>
      c.url.includes('/v2/namespaces/bigorg/repositories'),
    );
    expect(pages.length).toBe(2);
    for (const page of pages)
      expect(page.headers.Authorization).toMatch(/^Bearer /);
  });

  it('probes pull and push separately: read-only token gets pull and insufficient scope for push', async () => {
    const session = await signIn();
    await expect(
      session.probeRegistryAccess('acme/api', 'pull'),
    ).resolves.toEqual({
      outcome: 'granted',
      actions: ['pull'],
    });
    await expect(
      session.probeRegistryAccess('acme/api', 'push'),
    ).resolves.toMatchObject({
      outcome: 'insufficientScope',
    });
    const writer = await signIn(WRITE_TOKEN);
    await expect(
      writer.probeRegistryAccess('acme/api', 'push'),
    ).resolves.toEqual({
      outcome: 'granted',
      actions: ['push'],
    });
    const probes = t.calls.filter(c => c.url.includes('/token?'));
    expect(
      probes.every(c =>
        /scope=repository%3Aacme%2Fapi%3A(pull|push)$/.test(c.url),
      ),
    ).toBe(true);
  });

  it('waits out 429 Retry-After and retries 503, then succeeds', async () => {
    t.emu.injectFault({
      route: 'GET /v2/user/orgs',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 1,
      times: 1,
    });
    t.emu.injectFault({
      route: 'POST /v2/auth/token',
      kind: 'status',
      status: 503,
      times: 1,
    });
    const session = await signIn();
    await expect(session.listOrganizations()).resolves.toHaveLength(3);
    expect(t.calls.map(c => c.status)).toEqual([503, 200, 429, 200]);
  });

  it('gives up on a Retry-After beyond its limit with a DockerHubError carrying retryAfter', async () => {
    const impatient = new FetchDockerHubClient({
      dockerHub: t.config.dockerHub,
      ca: loadTrustedCertificates({ caPem: t.emu.caPem }),
      maxRetryDelayMs: 500,
    });
    t.emu.injectFault({
      route: 'POST /v2/auth/token',
      kind: 'status',
      status: 429,
      retryAfterSeconds: 30,
      times: 1,
    });
    const error = await impatient
      .signIn({ username: 'mdcuser', secret: READ_TOKEN })
      .catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });

  it('signs in again once when the Hub JWT has expired', async () => {
    const session = await signIn();
    t.emu.advanceTime(11 * 60 * 1000); // Hub JWTs live 10 minutes
    await expect(session.listRepositories('acme')).resolves.toHaveLength(3);
    expect(t.calls.map(c => `${new URL(c.url).pathname} ${c.status}`)).toEqual([
      '/v2/auth/token 200',
      '/v2/namespaces/acme/repositories 401',
      '/v2/auth/token 200',
      '/v2/namespaces/acme/repositories 200',
    ]);
  });

  it('times out a hanging request', async () => {
    const hasty = new FetchDockerHubClient({
      dockerHub: t.config.dockerHub,
      ca: loadTrustedCertificates({ caPem: t.emu.caPem }),
      timeoutMs: 100,
      maxRetries: 0,
    });
    t.emu.injectFault({
      route: 'POST /v2/auth/token',
      kind: 'latency',
      latencyMs: 1000,
      times: 1,
    });
    const error = await hasty
      .signIn({ username: 'mdcuser', secret: READ_TOKEN })
      .catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.message).toContain('timed out after 100 ms');
  });
});
