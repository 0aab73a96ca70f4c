import {
  READ_TOKEN,
  WRITE_TOKEN,
  registerDefenderTestEmulatorHooks,
} from '../testUtils';
import { DockerHubError } from './DockerHubError';
import { fetch as undiciFetch } from 'undici';
import {
  FetchDockerHubClient,
  type DockerHubFetch,
  type FetchDockerHubClientOptions,
} from './FetchDockerHubClient';
import { loadTrustedCertificates } from '../config/loadTrustedCertificates';

describe('FetchDockerHubClient against the emulator (HTTPS)', () => {
  const t = registerDefenderTestEmulatorHooks();
  const signIn = (secret = READ_TOKEN) =>
    t.dockerHub.signIn({ username: 'mdcuser', secret });
  const jwts = () =>
    t.exchanges.flatMap(c => {
      try {
        return [
          JSON.parse(c.responseBody).access_token ??
            JSON.parse(c.responseBody).token,
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
    const pages = t.exchanges.filter(c =>
      c.url.includes('/v2/namespaces/bigorg/repositories'),
    );
    expect(pages.length).toBe(2);
    for (const page of pages)
      expect(page.requestHeaders.Authorization).toMatch(/^Bearer /);
  });

  it('counts the public repositories of a namespace without sending any credentials', async () => {
    expect(await t.dockerHub.countPublicRepositories('bigorg')).toBe(65);
    // An unknown namespace and a private-only one look alike: 0.
    expect(await t.dockerHub.countPublicRepositories('memberorg')).toBe(0);
    expect(await t.dockerHub.countPublicRepositories('no-such-org')).toBe(0);
    const calls = t.exchanges.filter(c => c.url.includes('/v2/namespaces/'));
    expect(calls).toHaveLength(3);
    for (const c of calls) {
      expect(
        Object.keys(c.requestHeaders).map(h => h.toLowerCase()),
      ).not.toContain('authorization');
    }
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
    const probes = t.exchanges.filter(c => c.url.includes('/token?'));
    expect(
      probes.every(c =>
        /scope=repository%3Aacme%2Fapi%3A(pull|push)$/.test(c.url),
      ),
    ).toBe(true);
  });

  /**
   * A client against the emulator whose waits are recorded instead of slept, on a clock that
   * advances by exactly those waits: what the tests assert is the delay the client asked for.
   */
  function recordingClient(options: Partial<FetchDockerHubClientOptions> = {}) {
    const waits: number[] = [];
    const statuses: number[] = [];
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const client = new FetchDockerHubClient({
      dockerHub: t.config.dockerHub,
      ca: loadTrustedCertificates({ caPem: t.emu.caPem }),
      fetch: async (url, init) => {
        const res = await (undiciFetch as unknown as DockerHubFetch)(url, init);
        statuses.push(res.status);
        return res;
      },
      sleep: async ms => {
        waits.push(ms);
        clock += ms;
      },
      now: () => clock,
      ...options,
    });
    const signInWith = () =>
      client.signIn({ username: 'mdcuser', secret: READ_TOKEN });
    return { client, signInWith, waits, statuses };
  }
  const fault = (route: string, spec: Record<string, unknown>) =>
    t.emu.injectFault({ route, kind: 'status', ...spec } as any);

  it('waits exactly the Retry-After Docker Hub sends with a 429, then succeeds', async () => {
    const c = recordingClient();
    fault('GET /v2/user/orgs', { status: 429, retryAfterSeconds: 2, times: 1 });
    const session = await c.signInWith();
    await expect(session.listOrganizations()).resolves.toHaveLength(3);
    expect(c.statuses).toEqual([200, 429, 200]);
    expect(c.waits).toEqual([2000]);
  });

  it.each([500, 502, 503, 504])(
    'retries %i with exponential backoff (jittered, 50–100 %% of 250 ms, 500 ms, …)',
    async status => {
      const c = recordingClient();
      fault('POST /v2/auth/token', { status, times: 2 });
      await c.signInWith();
      expect(c.statuses).toEqual([status, status, 200]);
      expect(c.waits).toHaveLength(2);
      expect(c.waits[0]).toBeGreaterThanOrEqual(125);
      expect(c.waits[0]).toBeLessThanOrEqual(250);
      expect(c.waits[1]).toBeGreaterThanOrEqual(250);
      expect(c.waits[1]).toBeLessThanOrEqual(500);
    },
  );

  it("reports a gateway's HTML error page by its title, not its markup", async () => {
    const c = recordingClient({ maxRetries: 0 });
    fault('POST /v2/auth/token', { status: 502 });
    const error = await c.signInWith().catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.status).toBe(502);
    expect(error.detail).toMatch(/^an HTML error page: \S/);
    expect(error.message).not.toMatch(/<[a-z/!]/i);
  });

  it('retries a connection reset', async () => {
    const c = recordingClient();
    t.emu.injectFault({
      route: 'POST /v2/auth/token',
      kind: 'reset',
      times: 1,
    });
    await expect(c.signInWith()).resolves.toBeDefined();
    expect(c.statuses).toEqual([200]); // the reset answered nothing
    expect(c.waits).toHaveLength(1);
    expect(c.waits[0]).toBeLessThanOrEqual(250);
  });

  it('gives up after maxRetries with the last status; each backoff step is capped', async () => {
    const c = recordingClient({ maxRetries: 4, maxBackoffMs: 300 });
    fault('POST /v2/auth/token', { status: 503 });
    const error = await c.signInWith().catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.status).toBe(503);
    expect(c.statuses).toEqual([503, 503, 503, 503, 503]);
    expect(c.waits).toHaveLength(4);
    for (const w of c.waits) expect(w).toBeLessThanOrEqual(300);
    expect(c.waits[3]).toBeGreaterThanOrEqual(150);
  });

  it('stops retrying when the next wait would end after the wall-clock budget', async () => {
    const c = recordingClient({ maxRetries: 10, maxElapsedMs: 7_000 });
    fault('POST /v2/auth/token', { status: 429, retryAfterSeconds: 3 });
    const error = await c.signInWith().catch(e => e);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3 });
    // 3 s + 3 s fit in 7 s; a third wait would end at 9 s.
    expect(c.waits).toEqual([3000, 3000]);
    expect(c.statuses).toEqual([429, 429, 429]);
  });

  it('gives up at once on a Retry-After beyond its limit, with a DockerHubError carrying it', async () => {
    const c = recordingClient({ maxRetryDelayMs: 500 });
    fault('POST /v2/auth/token', {
      status: 429,
      retryAfterSeconds: 30,
      times: 1,
    });
    const error = await c.signInWith().catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 30 });
    expect(c.waits).toEqual([]);
    expect(c.statuses).toEqual([429]);
  });

  it('signs in again once when the Hub JWT has expired', async () => {
    const session = await signIn();
    t.emu.advanceTime(11 * 60 * 1000); // Hub JWTs live 10 minutes
    await expect(session.listRepositories('acme')).resolves.toHaveLength(3);
    expect(
      t.exchanges.map(c => `${new URL(c.url).pathname} ${c.status}`),
    ).toEqual([
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
