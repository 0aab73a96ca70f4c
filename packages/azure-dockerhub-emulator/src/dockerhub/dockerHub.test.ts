import { DEMO_SCENARIO } from '../startEmulator';
import { DEMO, TestResponse } from '../testUtils/TestClient';
import { useEmulator } from '../testUtils/useEmulator';
import { decodeJwtPayload } from '../util/jwt';

describe('Docker Hub API and registry token service', () => {
  const { emu, client } = useEmulator({}, { reloadBeforeEach: DEMO_SCENARIO });

  it('exchanges a PAT for a 10-minute JWT that reveals scope and user', async () => {
    const res = await client.hubAuthToken({
      identifier: 'MDC-ACME',
      secret: DEMO.acmeRead,
    });
    expect(res.status).toBe(200);
    const claims = decodeJwtPayload(res.json.access_token) as any;
    expect(claims.scope).toBe('repo:read');
    expect(claims['https://hub.docker.com']).toMatchObject({
      username: 'mdc-acme',
      email: 'mdc-acme@acme.example',
    });
    expect(claims.exp - claims.iat).toBe(600);
    expect(res.headers['x-ratelimit-limit']).toBe('180');
    expect(Number(res.headers['x-ratelimit-remaining'])).toBeLessThan(180);
    expect(res.headers['x-ratelimit-reset']).toMatch(/^\d+$/);
  });

  it.each([
    ['revoked', 'mdc-initech', DEMO.initechRevoked],
    ['expired', 'mdc-acme', DEMO.acmeExpired],
    ['other user', 'mdc-globex', DEMO.acmeRead],
    ['unknown', 'mdc-acme', 'dckr_pat_nope'],
  ])('refuses a %s token with 401', async (_name, identifier, secret) => {
    const res = await client.hubAuthToken({ identifier, secret });
    expect(res.status).toBe(401);
    expect(res.json.detail).toBe('Incorrect authentication credentials');
  });

  it('accepts an organization access token with the organization as identifier', async () => {
    const res = await client.hubAuthToken({
      identifier: 'acme',
      secret: DEMO.acmeOat,
    });
    expect(res.status).toBe(200);
    expect(
      (
        await client.hubAuthToken({
          identifier: 'mdc-acme',
          secret: DEMO.acmeOat,
        })
      ).status,
    ).toBe(401);
  });

  it('validates the auth body against the spec', async () => {
    const res = await client.hubAuthToken({ identifier: 'mdc-acme' });
    expect(res.status).toBe(400);
    expect(res.json.fields).toHaveProperty('secret');
  });

  it('supports the deprecated /v2/users/login', async () => {
    const ok = await client.request('POST', '/v2/users/login', {
      body: { username: 'mdc-acme', password: DEMO.acmeRead },
    });
    expect(ok.status).toBe(200);
    expect(decodeJwtPayload(ok.json.token).scope).toBe('repo:read');
    const bad = await client.request('POST', '/v2/users/login', {
      body: { username: 'mdc-acme', password: 'wrong' },
    });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({
      detail: 'Incorrect authentication credentials',
    });
  });

  it("lists the caller's organizations with user_role", async () => {
    const jwt = await client.hubJwt('jdoe', DEMO.jdoeAdmin);
    const res = await client.request(
      'GET',
      '/v2/user/orgs?page=1&page_size=100',
      { headers: { Authorization: `Bearer ${jwt}` } },
    );
    expect(res.status).toBe(200);
    // hooli is deleted, so only acme remains.
    expect(res.json.results.map((o: any) => [o.orgname, o.user_role])).toEqual([
      ['acme', 'owner'],
    ]);
    const outsider = await client.hubJwt('outsider', DEMO.outsiderRead);
    const none = await client.request('GET', '/v2/user/orgs', {
      headers: { Authorization: `Bearer ${outsider}` },
    });
    expect(none.json.count).toBe(0);
    expect((await client.request('GET', '/v2/user/orgs')).status).toBe(401);
  });

  it('shows private repositories only to editors with a read-capable token', async () => {
    const list = async (secret?: string, user = 'mdc-acme') => {
      const headers = secret
        ? { Authorization: `Bearer ${await client.hubJwt(user, secret)}` }
        : undefined;
      const res = await client.request(
        'GET',
        '/v2/namespaces/acme/repositories?page_size=100',
        { headers },
      );
      expect(res.status).toBe(200);
      return res.json.results
        .map((r: any) => `${r.name}${r.is_private ? '*' : ''}`)
        .sort();
    };
    expect(await list(DEMO.acmeRead)).toEqual([
      'base-images*',
      'docs-site',
      'payments-api*',
      'web-frontend*',
    ]);
    expect(await list(DEMO.acmePublicRead)).toEqual(['docs-site']);
    expect(await list(undefined)).toEqual(['docs-site']);
    expect(await list(DEMO.outsiderRead, 'outsider')).toEqual(['docs-site']);
    expect(await list(DEMO.acmeOat, 'acme')).toHaveLength(4);
  });

  it('answers 200 count 0 for an unknown namespace, pages with next, and 404 past the end', async () => {
    const unknown = await client.request(
      'GET',
      '/v2/namespaces/nope/repositories',
    );
    expect(unknown.json).toEqual({
      count: 0,
      next: null,
      previous: null,
      results: [],
    });
    const headers = {
      Authorization: `Bearer ${await client.hubJwt('mdc-acme', DEMO.acmeRead)}`,
    };
    const first = await client.request(
      'GET',
      '/v2/namespaces/acme/repositories?page_size=3&ordering=name',
      { headers },
    );
    expect(first.json.count).toBe(4);
    expect(first.json.next).toContain('page=2');
    const second = await client.request('GET', first.json.next, { headers });
    expect(second.json.results.map((r: any) => r.name)).toEqual([
      'web-frontend',
    ]);
    expect(second.json.next).toBeNull();
    expect(
      (
        await client.request(
          'GET',
          '/v2/namespaces/acme/repositories?page=3&page_size=3',
          { headers },
        )
      ).status,
    ).toBe(404);
    const invalid = await client.request(
      'GET',
      '/v2/namespaces/acme/repositories?ordering=stars',
      { headers },
    );
    expect(invalid.status).toBe(400);
    expect(invalid.json.fields).toHaveProperty('ordering');
  });

  it('lists tags with 403/404 for repositories the caller cannot read', async () => {
    const editor = {
      Authorization: `Bearer ${await client.hubJwt('mdc-acme', DEMO.acmeRead)}`,
    };
    const tags = await client.request(
      'GET',
      '/v2/namespaces/acme/repositories/base-images/tags',
      { headers: editor },
    );
    expect(tags.status).toBe(200);
    expect(
      tags.json.results.find((t: any) => t.name === 'multi').images,
    ).toHaveLength(2);
    const publicOnly = {
      Authorization: `Bearer ${await client.hubJwt(
        'mdc-acme',
        DEMO.acmePublicRead,
      )}`,
    };
    expect(
      (
        await client.request(
          'GET',
          '/v2/namespaces/acme/repositories/payments-api/tags',
          { headers: publicOnly },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await client.request(
          'GET',
          '/v2/namespaces/acme/repositories/payments-api/tags',
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await client.request(
          'GET',
          '/v2/namespaces/acme/repositories/nope/tags',
          { headers: editor },
        )
      ).status,
    ).toBe(404);
  });

  it('registry token service: pull granted, push refused for a read-only token', async () => {
    const pull = await client.registryToken(
      'repository:acme/payments-api:pull',
      'mdc-acme',
      DEMO.acmeRead,
    );
    expect(pull.status).toBe(200);
    expect(pull.json.token).toBe(pull.json.access_token);
    expect((decodeJwtPayload(pull.json.token) as any).access[0]).toMatchObject({
      name: 'acme/payments-api',
      actions: ['pull'],
    });
    const push = await client.registryToken(
      'repository:acme/payments-api:push',
      'mdc-acme',
      DEMO.acmeRead,
    );
    expect(push.status).toBe(401);
    expect(push.text).toContain('access token has insufficient scopes');
    const both = await client.registryToken(
      'repository:acme/payments-api:pull,push',
      'mdc-acme',
      DEMO.acmeRead,
    );
    expect(both.status).toBe(401);
  });

  it('registry token service: write token gets push; bad credentials get the real 401 body', async () => {
    const grantedActions = (res: TestResponse) =>
      (decodeJwtPayload(res.json.token) as any).access[0].actions;
    const push = await client.registryToken(
      'repository:globex/inventory-service:push',
      'mdc-globex',
      DEMO.globexWrite,
    );
    expect(grantedActions(push)).toEqual(['push']);
    const bad = await client.registryToken(
      'repository:acme/payments-api:pull',
      'mdc-acme',
      'wrong',
    );
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ details: 'incorrect username or password' });
    const publicRead = await client.registryToken(
      'repository:acme/payments-api:pull',
      'mdc-acme',
      DEMO.acmePublicRead,
    );
    expect(grantedActions(publicRead)).toEqual([]);
  });

  it('returns 429 with Retry-After once the per-minute limit is used up, and recovers next minute', async () => {
    emu.loadScenario({
      azure: { tenantId: DEMO.tenantId },
      dockerHub: { rateLimitPerMinute: 3 },
    });
    for (let i = 0; i < 3; i++) {
      expect(
        (await client.request('GET', '/v2/namespaces/x/repositories')).status,
      ).toBe(200);
    }
    const limited = await client.request(
      'GET',
      '/v2/namespaces/x/repositories',
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    emu.advanceTime(61_000);
    expect(
      (await client.request('GET', '/v2/namespaces/x/repositories')).status,
    ).toBe(200);
  });
});
