import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createHealthRouter } from './health/createHealthRouter';
import { defenderForContainersPlugin } from './plugin';
import { createRouter } from './router';

/** Every route the plugin's routers declare, found in their stacks, so a new one is never missed. */
async function declaredRoutes(): Promise<Array<[string, string]>> {
  const options = {
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
  };
  const routers = [
    await createRouter({ ...options, allowedSubscriptions: [] }),
    await createHealthRouter({ ...options, health: {} as any }),
  ];
  return routers.flatMap(router =>
    router.stack
      .filter((layer: any) => layer.route)
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          method => [method, layer.route.path] as [string, string],
        ),
      ),
  );
}

/** A path with a plausible value for each parameter. */
const concrete = (path: string) =>
  path
    .replace(':kind', 'component')
    .replace(':namespace', 'default')
    .replace(':name', 'payments')
    .replace(
      ':id',
      encodeURIComponent(
        '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme',
      ),
    );

describe('every route but /health', () => {
  it('answers 401 without credentials and 403 when the policy denies, naming a defender permission', async () => {
    const routes = (await declaredRoutes()).filter(
      ([, path]) => path !== '/health',
    );
    // the five of today; the discovery above is what keeps this honest when one is added
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const deny = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
    });
    const { server } = await startTestBackend({
      features: [
        defenderForContainersPlugin,
        deny.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    const answers: string[] = [];
    for (const [method, path] of routes) {
      const url = `/api/defender-for-containers${concrete(path)}`;
      const anonymous = await (request(server) as any)
        [method](url)
        .set('authorization', mockCredentials.none.header());
      const denied = await (request(server) as any)
        [method](url)
        .set('authorization', mockCredentials.user.header('user:default/x'));
      answers.push(
        `${method.toUpperCase()} ${path}: ${anonymous.status} ${
          denied.status
        } ${/defender-for-containers\.connector\./.test(denied.text)}`,
      );
    }
    expect(answers).toEqual(
      routes.map(
        ([method, path]) => `${method.toUpperCase()} ${path}: 401 403 true`,
      ),
    );
  });
});
