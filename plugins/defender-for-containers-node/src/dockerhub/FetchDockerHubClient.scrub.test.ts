import { DockerHubError } from './DockerHubError';
import {
  FetchDockerHubClient,
  type DockerHubFetch,
} from './FetchDockerHubClient';

/*
 * A Docker Hub (or a proxy in front of it) that echoes what it was sent into its error answers:
 * the secret from the sign-in body, the JWT or the Basic credentials from the Authorization
 * header. Whatever it echoes, and in whichever field Docker uses for its message, our errors
 * carry `***` in its place. (Written against the survivors of `yarn mutation`.)
 */
const SECRET = 'dckr_pat_scrubTestSecret0000000000001';
const JWT = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.c2lnbmF0dXJlMDAwMDAx';
const BASIC = Buffer.from(`mdcuser:${SECRET}`).toString('base64');
const dockerHub = {
  apiUrl: 'https://hub.example.test',
  registryAuthUrl: 'https://auth.example.test/token',
  registryService: 'registry.docker.io',
};

type Answer = { status: number; body: string; type?: string };

/** The server double: `answer` decides each response from what the client sent. */
function client(
  answer: (sent: {
    url: string;
    body?: string;
    authorization?: string;
  }) => Answer,
) {
  const fetch: DockerHubFetch = async (url, init) => {
    const a = answer({
      url,
      body: init.body,
      authorization: init.headers.Authorization,
    });
    return {
      status: a.status,
      headers: {
        get: (name: string) =>
          name.toLowerCase() === 'content-type'
            ? a.type ?? 'application/json'
            : null,
      },
      text: async () => a.body,
    };
  };
  return new FetchDockerHubClient({
    dockerHub,
    fetch,
    maxRetries: 0,
    sleep: async () => {},
  });
}

const signedIn = (sent: { url: string }): Answer | undefined =>
  sent.url.endsWith('/v2/auth/token')
    ? { status: 200, body: JSON.stringify({ access_token: JWT }) }
    : undefined;

async function failure(promise: Promise<unknown>): Promise<DockerHubError> {
  const error = await promise.then(
    () => undefined,
    e => e,
  );
  expect(error).toBeInstanceOf(DockerHubError);
  return error;
}

const leaks = (text: string) =>
  [SECRET, JWT, BASIC].filter(s => text.includes(s));

describe('FetchDockerHubClient never repeats a secret Docker echoes back', () => {
  it.each([
    ['message', (s: string) => ({ message: s, detail: 'not this one' })],
    ['detail', (s: string) => ({ detail: s, details: 'not this one' })],
    ['details', (s: string) => ({ details: s, error: 'not this one' })],
    ['error', (s: string) => ({ error: s })],
  ])(
    'scrubs the sign-in secret from Docker’s %s field (the field Docker fills first is the one shown)',
    async (_field, shape) => {
      const hub = client(sent => ({
        status: 401,
        body: JSON.stringify(
          shape(`no such token: ${JSON.parse(sent.body!).secret}`),
        ),
      }));
      const e = await failure(
        hub.signIn({ username: 'mdcuser', secret: SECRET }),
      );
      expect(e.detail).toBe('no such token: ***');
      expect(e.message).toContain('no such token: ***');
      expect(leaks(`${e.message} ${e.detail}`)).toEqual([]);
    },
  );

  it('scrubs a plain-text body and a gateway page’s title', async () => {
    const text = client(sent => ({
      status: 401,
      type: 'text/plain',
      body: `rejected ${JSON.parse(sent.body!).secret} twice: ${
        JSON.parse(sent.body!).secret
      }`,
    }));
    expect(
      (await failure(text.signIn({ username: 'mdcuser', secret: SECRET })))
        .detail,
    ).toBe('rejected *** twice: ***');
    const html = client(sent => ({
      status: 403,
      type: 'text/html',
      body: `<html><head><title>Denied ${
        JSON.parse(sent.body!).secret
      }</title></head><body>x</body></html>`,
    }));
    expect(
      (await failure(html.signIn({ username: 'mdcuser', secret: SECRET })))
        .detail,
    ).toBe('an HTML error page: Denied ***');
  });

  it('scrubs the JWT and the secret from API errors of a session', async () => {
    const hub = client(
      sent =>
        signedIn(sent) ?? {
          status: 403,
          body: JSON.stringify({
            message: `forbidden for ${sent.authorization} (${SECRET})`,
          }),
        },
    );
    const session = await hub.signIn({ username: 'mdcuser', secret: SECRET });
    const e = await failure(session.listOrganizations());
    expect(e.detail).toBe('forbidden for Bearer *** (***)');
    expect(leaks(e.message)).toEqual([]);
  });

  it('scrubs the Basic credentials from registry token answers, refused or failed', async () => {
    const refusing = client(
      sent =>
        signedIn(sent) ?? {
          status: 401,
          body: JSON.stringify({
            details: `insufficient scope for ${sent.authorization}`,
          }),
        },
    );
    const session = await refusing.signIn({
      username: 'mdcuser',
      secret: SECRET,
    });
    const refused = await session.probeRegistryAccess('acme/api', 'push');
    expect(refused).toEqual({
      outcome: 'insufficientScope',
      detail: 'insufficient scope for Basic ***',
    });
    const failing = client(
      sent =>
        signedIn(sent) ?? {
          status: 404,
          body: JSON.stringify({ details: `unknown ${sent.authorization}` }),
        },
    );
    const other = await failing.signIn({ username: 'mdcuser', secret: SECRET });
    const e = await failure(other.probeRegistryAccess('acme/api', 'pull'));
    expect(e.detail).toBe('unknown Basic ***');
  });

  it('keeps at most 300 characters of Docker’s message', async () => {
    const hub = client(() => ({
      status: 401,
      body: JSON.stringify({ detail: `${SECRET} ${'x'.repeat(1000)}` }),
    }));
    const e = await failure(
      hub.signIn({ username: 'mdcuser', secret: SECRET }),
    );
    expect(e.detail).toHaveLength(300);
    expect(e.detail!.startsWith('*** xxx')).toBe(true);
  });

  it('shows no raw JSON when Docker’s answer has none of its message fields', async () => {
    const hub = client(() => ({
      status: 401,
      body: JSON.stringify({ errinfo: { token: SECRET } }),
    }));
    const e = await failure(
      hub.signIn({ username: 'mdcuser', secret: SECRET }),
    );
    expect(e.detail).toBeUndefined();
  });

  it('says nothing of a body it cannot read', async () => {
    const hub = client(() => ({ status: 401, body: '' }));
    const e = await failure(
      hub.signIn({ username: 'mdcuser', secret: SECRET }),
    );
    expect(e.detail).toBeUndefined();
    expect(e.message).toBe('Docker Hub POST /v2/auth/token failed: 401');
  });
});
