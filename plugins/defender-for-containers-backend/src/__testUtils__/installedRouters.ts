import {
  coreServices,
  createServiceFactory,
  type HttpRouterServiceAuthPolicy,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import express from 'express';
import { defenderForContainersPlugin } from '../plugin';

/**
 * Backstage's own routes, installed in the plugin's router by Backstage's services
 * (permissionsRegistry: /.well-known/backstage/permissions/…, actionsRegistry:
 * /.backstage/actions/…), not by plugin code; they rely on Backstage's barrier.
 */
const BACKSTAGE_ROUTES = /^\/(\.well-known\/backstage|\.backstage)\//;

/**
 * The plugin started in a test backend whose httpRouter only records what the plugin installs:
 * every handler passed to `httpRouter.use` and every auth policy. The handlers are mounted on a
 * bare express app, without Backstage's credentials barrier in front, so what refuses a request
 * there is the plugin's own code. A request without a token is no principal (`none`).
 */
export async function installedRouters(
  features: ServiceFactory[] = [],
): Promise<{
  app: express.Express;
  /** [method, path] of every route the plugin declares (Backstage's own routes aside). */
  routes: Array<[string, string]>;
  policies: HttpRouterServiceAuthPolicy[];
  stop(): Promise<void>;
}> {
  const handlers: express.Handler[] = [];
  const policies: HttpRouterServiceAuthPolicy[] = [];
  const recordingHttpRouter = createServiceFactory({
    service: coreServices.httpRouter,
    deps: {},
    factory: () => ({
      use: (handler: express.Handler) => {
        handlers.push(handler);
      },
      addAuthPolicy: (policy: HttpRouterServiceAuthPolicy) => {
        policies.push(policy);
      },
      addWebSocketHandler: () => {
        // Not swept by the route tests: make whoever adds one extend them.
        throw new Error('installedRouters does not cover WebSocket handlers');
      },
    }),
  });
  const backend = await startTestBackend({
    features: [
      defenderForContainersPlugin,
      recordingHttpRouter,
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      mockServices.rootConfig.factory({ data: {} }),
      ...features,
    ],
  });
  const app = express();
  for (const handler of handlers) app.use(handler);
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  const routes = handlers.flatMap(handler =>
    ((handler as any).stack ?? [])
      .filter((layer: any) => layer.route)
      .flatMap((layer: any) =>
        Object.keys(layer.route.methods).map(
          method => [method, layer.route.path] as [string, string],
        ),
      )
      .filter(([, path]: [string, string]) => !BACKSTAGE_ROUTES.test(path)),
  );
  return { app, routes, policies, stop: () => backend.stop() };
}

/** A path with a plausible value for each parameter. */
export const concrete = (path: string) =>
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
