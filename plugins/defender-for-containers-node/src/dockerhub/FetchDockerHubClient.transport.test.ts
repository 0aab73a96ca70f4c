import { getEventListeners } from 'node:events';
import { DockerHubError } from './DockerHubError';
import {
  FetchDockerHubClient,
  type DockerHubFetch,
  type FetchDockerHubClientOptions,
} from './FetchDockerHubClient';

/*
 * What the emulator cannot stage on demand: a caller who cancels mid-wait, an answer that never
 * comes, a `next` link to another origin, an endless chain of pages. A scripted server double
 * answers each request in turn; the client's own timers and signals run for real.
 */
const JWT = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJlMDAwMDAy';
const API = 'https://hub.example.test';
const CREDENTIALS = { username: 'mdcuser', secret: 'dckr_pat_transport0001' };

type Answer =
  | { status: number; headers?: Record<string, string>; body?: unknown }
  | 'hang';
const signedIn: Answer = { status: 200, body: { access_token: JWT } };

/** Answers with `answers` in order, then with `fallback`; `'hang'` answers only an abort. */
function scripted(
  answers: Answer[],
  options: Partial<FetchDockerHubClientOptions> = {},
  fallback: (url: string) => Answer = () => signedIn,
) {
  const urls: string[] = [];
  const fetch: DockerHubFetch = async (url, init) => {
    urls.push(url);
    const answer = answers.shift() ?? fallback(url);
    if (answer === 'hang') {
      return new Promise((_, reject) =>
        init.signal.addEventListener('abort', () => reject(init.signal.reason)),
      );
    }
    return {
      status: answer.status,
      headers: { get: name => answer.headers?.[name.toLowerCase()] ?? null },
      text: async () =>
        answer.body === undefined ? '' : JSON.stringify(answer.body),
    };
  };
  const client = new FetchDockerHubClient({
    dockerHub: {
      apiUrl: API,
      registryAuthUrl: 'https://auth.example.test/token',
      registryService: 'registry.docker.io',
    },
    fetch,
    ...options,
  });
  return { client, urls };
}

describe('FetchDockerHubClient transport', () => {
  it('ends a call at once when its caller aborts during a wait between attempts', async () => {
    const { client, urls } = scripted([
      { status: 503, headers: { 'retry-after': '30' } },
    ]);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 50);
    const error = await client
      .signIn(CREDENTIALS, { signal: controller.signal })
      .catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.message).toBe(
      'Docker Hub POST /v2/auth/token failed: no response (aborted)',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(urls).toHaveLength(1);
  });

  it("leaves no listener on the caller's signal once its waits are over", async () => {
    const { client, urls } = scripted([
      { status: 503, headers: { 'retry-after': '0' } },
      { status: 429, headers: { 'retry-after': '0' } },
    ]);
    const { signal } = new AbortController();
    await expect(client.signIn(CREDENTIALS, { signal })).resolves.toBeDefined();
    expect(urls).toHaveLength(3);
    expect(getEventListeners(signal, 'abort')).toEqual([]);
  });

  it('times out an attempt that never answers and tries again', async () => {
    const waits: number[] = [];
    const { client, urls } = scripted(['hang'], {
      timeoutMs: 50,
      sleep: async ms => {
        waits.push(ms);
      },
    });
    await expect(client.signIn(CREDENTIALS)).resolves.toBeDefined();
    expect(urls).toHaveLength(2);
    expect(waits).toHaveLength(1);
  });

  it('refuses a next link to another origin without sending the session there', async () => {
    const { client, urls } = scripted([
      signedIn,
      {
        status: 200,
        body: {
          results: [{ orgname: 'acme' }],
          next: 'https://elsewhere.example/v2/user/orgs?page=2',
        },
      },
    ]);
    const session = await client.signIn(CREDENTIALS);
    const error = await session.listOrganizations().catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.message).toContain(
      'refusing to send the Docker Hub session to another origin (https://elsewhere.example)',
    );
    expect(urls.some(u => u.startsWith('https://elsewhere.example'))).toBe(
      false,
    );
  });

  it('stops a chain of next links after 1000 pages', async () => {
    let page = 0;
    const { client, urls } = scripted([signedIn], {}, () => ({
      status: 200,
      body: { results: [], next: `${API}/v2/user/orgs?page=${++page + 1}` },
    }));
    const session = await client.signIn(CREDENTIALS);
    const error = await session.listOrganizations().catch(e => e);
    expect(error).toBeInstanceOf(DockerHubError);
    expect(error.message).toContain('(more than 1000 pages)');
    expect(urls).toHaveLength(1 + 1000);
  });

  it('ends the listing at a 404 past the last page, keeping what it read', async () => {
    const { client } = scripted([
      signedIn,
      {
        status: 200,
        body: {
          results: [{ orgname: 'acme', user_role: 'editor' }],
          next: `${API}/v2/user/orgs?page=2`,
        },
      },
      { status: 404, body: { detail: 'Page not found' } },
    ]);
    const session = await client.signIn(CREDENTIALS);
    await expect(session.listOrganizations()).resolves.toEqual([
      { name: 'acme', role: 'editor' },
    ]);
  });
});
