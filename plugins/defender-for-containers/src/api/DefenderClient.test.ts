import { ResponseError } from '@backstage/errors';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DefenderClient } from './DefenderClient';

const BASE = 'http://backend.test/api/defender-for-containers';
const CONNECTOR =
  '/subscriptions/aaaaaaaa-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme';

describe('DefenderClient', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  // The app's fetchApi adds the user's token; a fake with the same seam proves it is used.
  const fetchApi = {
    fetch: jest.fn((input: any, init?: RequestInit) =>
      fetch(input, {
        ...init,
        headers: { authorization: 'Bearer user-token' },
      }),
    ),
  };
  const client = new DefenderClient({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi,
  });

  it('reads an entity through fetchApi at the plugin’s base URL, with the user’s token', async () => {
    server.use(
      http.get(
        `${BASE}/entities/component/default/payments-api/defender`,
        ({ request }) => {
          expect(request.headers.get('authorization')).toBe(
            'Bearer user-token',
          );
          return HttpResponse.json({
            entityRef: 'component:default/payments-api',
            organizations: ['acme'],
            repositories: [],
            connectors: [],
            ignored: [],
          });
        },
      ),
    );
    await expect(
      client.getEntityDefender({
        kind: 'component',
        namespace: 'default',
        name: 'payments-api',
      }),
    ).resolves.toMatchObject({ entityRef: 'component:default/payments-api' });
    expect(fetchApi.fetch).toHaveBeenCalled();
  });

  it('sends only the set list parameters', async () => {
    let query = '';
    server.use(
      http.get(`${BASE}/connectors`, ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({
          items: [],
          totalCount: 0,
          limit: 25,
          offset: 50,
        });
      }),
    );
    await client.listConnectors({
      status: 'unhealthy',
      owner: 'group:default/team-a',
      text: '',
      organization: undefined,
      sort: 'findings',
      order: 'desc',
      limit: 25,
      offset: 50,
    });
    expect(new URLSearchParams(query).toString()).toBe(
      'status=unhealthy&owner=group%3Adefault%2Fteam-a&sort=findings&order=desc&limit=25&offset=50',
    );
    await client.listConnectors();
    expect(query).toBe('');
  });

  it("reads the connectors' owners as a list of refs", async () => {
    server.use(
      http.get(`${BASE}/connectors/owners`, () =>
        HttpResponse.json({
          items: ['group:default/guests', 'group:default/payments'],
        }),
      ),
    );
    await expect(client.listConnectorOwners()).resolves.toEqual([
      'group:default/guests',
      'group:default/payments',
    ]);
  });

  it('posts a refresh with the connector id as one encoded path segment', async () => {
    let path = '';
    server.use(
      http.post(`${BASE}/connectors/:id/refresh`, ({ request, params }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(
          { id: params.id, requestedAt: '2026-03-01T10:00:00.000Z' },
          { status: 202 },
        );
      }),
    );
    await expect(client.refreshConnector(CONNECTOR)).resolves.toEqual({
      id: CONNECTOR,
      requestedAt: '2026-03-01T10:00:00.000Z',
    });
    expect(path).toBe(
      `/api/defender-for-containers/connectors/${encodeURIComponent(
        CONNECTOR,
      )}/refresh`,
    );
  });

  it.each([
    [401, 'AuthenticationError', 'Missing credentials'],
    [403, 'NotAllowedError', 'defender-for-containers.connector.read'],
    [404, 'NotFoundError', 'component:default/x not found'],
    [
      429,
      'TooManyRequestsError',
      'This connector was refreshed on demand moments ago; try again in 42 s',
    ],
    [
      503,
      'ServiceUnavailableError',
      'Set defenderForContainers.azure.subscriptions',
    ],
  ])(
    'rejects a %s with a ResponseError carrying the backend’s name and message',
    async (status, name, message) => {
      // Backstage's error body, as the backend's error handler (and its 429) send it.
      server.use(
        http.all(`${BASE}/*`, ({ request }) =>
          HttpResponse.json(
            {
              error: { name, message },
              request: { method: request.method, url: request.url },
              response: { statusCode: status },
            },
            { status },
          ),
        ),
      );
      for (const call of [
        () =>
          client.getEntityDefender({
            kind: 'component',
            namespace: 'default',
            name: 'x',
          }),
        () => client.listConnectors(),
        () => client.refreshConnector(CONNECTOR),
        () => client.listAllowedSubscriptions(),
      ]) {
        const error = await call().then(
          () => undefined,
          e => e,
        );
        expect(ResponseError.is(error)).toBe(true);
        expect(error.statusCode).toBe(status);
        expect(error.cause).toMatchObject({ name, message });
      }
    },
  );

  it('rejects a gateway’s HTML error page as a ResponseError, not a parse error', async () => {
    server.use(
      http.get(
        `${BASE}/connectors`,
        () =>
          new HttpResponse('<html><title>502 Bad Gateway</title></html>', {
            status: 502,
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    const error = await client.listConnectors().catch(e => e);
    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(502);
  });

  it('never resolves with undefined: a 200 that is not JSON is an error', async () => {
    server.use(
      http.get(
        `${BASE}/connectors`,
        () =>
          new HttpResponse('<html>sign in</html>', {
            headers: { 'content-type': 'text/html' },
          }),
      ),
    );
    await expect(client.listConnectors()).rejects.toThrow(/not JSON/);
  });
});
