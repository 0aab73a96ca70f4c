import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { concrete, installedRouters } from '../__testUtils__/installedRouters';
import { defenderForContainersPlugin } from '../plugin';

const READ = 'defender-for-containers.connector.read';
const REFRESH = 'defender-for-containers.connector.refresh';
const CREATE = 'defender-for-containers.connector.create';
const DELETE = 'defender-for-containers.connector.delete';
const ALL = [READ, REFRESH, CREATE, DELETE];

/**
 * Each route the plugin installs and the permissions that open it (any one of them), as the
 * README's Security section describes. A route missing here, or one more, fails the tests.
 */
const GUARDS: Record<string, string[]> = {
  'GET /azure/subscriptions': [CREATE, DELETE],
  'GET /entities/:kind/:namespace/:name/defender': [READ],
  'GET /connectors': [READ],
  'GET /connectors/owners': [READ],
  'GET /connectors/rollup': [READ],
  'GET /entities/:kind/:namespace/:name/defender/findings': [READ],
  'GET /entities/:kind/:namespace/:name/defender/rollup': [READ],
  'POST /connectors/:id/refresh': [REFRESH],
};

const USER = mockCredentials.user.header('user:default/x');

describe('every route but /health', () => {
  /** Whom the policy allows, changed by each test; every question asked is recorded. */
  let allowed: string[] = [];
  const asked: string[][] = [];
  const policy = mockServices.permissions.mock({
    authorize: async requests => {
      asked.push(requests.map(r => r.permission.name));
      return requests.map(r => ({
        result: allowed.includes(r.permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  });
  let installed: Awaited<ReturnType<typeof installedRouters>>;
  beforeAll(async () => {
    installed = await installedRouters([policy.factory]);
  });
  afterAll(() => installed?.stop());

  const guarded = () =>
    installed.routes
      .filter(([, path]) => path !== '/health')
      .map(([method, path]) => `${method.toUpperCase()} ${path}`);
  const send = (route: string) => {
    const [method, path] = route.split(' ');
    return (request(installed.app) as any)
      [method.toLowerCase()](concrete(path))
      .set('authorization', USER);
  };

  it('are exactly the routes of the table, in every router the plugin installs', () => {
    expect(guarded().sort()).toEqual(Object.keys(GUARDS).sort());
  });

  it.each(Object.entries(GUARDS))(
    '%s asks the policy for exactly %j, and refuses when only the others are allowed',
    async (route, permissions) => {
      asked.length = 0;
      allowed = ALL.filter(name => !permissions.includes(name));
      const refused = await send(route);
      expect(refused.status).toBe(403);
      expect(asked.flat().sort()).toEqual([...permissions].sort());
      for (const name of permissions) expect(refused.text).toContain(name);
    },
  );

  it.each(
    Object.entries(GUARDS).flatMap(([route, permissions]) =>
      permissions.map(name => [route, name]),
    ),
  )('%s lets a caller through with only %s', async (route, name) => {
    allowed = [name];
    const res = await send(route);
    // Past the guard: the handler answers (here 503 or 404, as Defender is not configured).
    expect([401, 403]).not.toContain(res.status);
  });

  it('answers 401 without credentials and 403 when denied, behind Backstage too', async () => {
    allowed = [];
    const { server, stop } = await startTestBackend({
      features: [
        defenderForContainersPlugin,
        policy.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    }).then(b => ({ server: b.server, stop: () => b.stop() }));
    try {
      const answers: string[] = [];
      for (const route of guarded()) {
        const [method, path] = route.split(' ');
        const url = `/api/defender-for-containers${concrete(path)}`;
        const anonymous = await (request(server) as any)
          [method.toLowerCase()](url)
          .set('authorization', mockCredentials.none.header());
        const denied = await (request(server) as any)
          [method.toLowerCase()](url)
          .set('authorization', USER);
        answers.push(`${route}: ${anonymous.status} ${denied.status}`);
      }
      expect(answers).toEqual(guarded().map(route => `${route}: 401 403`));
    } finally {
      await stop();
    }
  });
});
