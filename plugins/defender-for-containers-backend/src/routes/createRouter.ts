import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import express from 'express';
import Router from 'express-promise-router';
import { createRequirePermission } from './requirePermission';
import type { DefenderHealthService } from '../service/DefenderHealthService';
import { connectorListRoutes } from './connectorListRoutes';
import { connectorRefreshRoute } from './connectorRefreshRoute';
import { entityFindingsRoutes } from './entityFindingsRoutes';
import { entityHealthRoute } from './entityHealthRoute';
import { livenessRoute } from './livenessRoute';
import type { RouteContext } from './RouteContext';
import { subscriptionsRoute } from './subscriptionsRoute';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  health: DefenderHealthService;
  allowedSubscriptions: AllowedSubscription[];
  /** `defenderForContainers.permissions.servicePrincipals`: services that may write; default none. */
  servicePrincipals?: readonly string[];
}

/**
 * Every route of the plugin: thin, validated, each behind its permission but the liveness probe.
 * Answers come from `DefenderHealthService` and config; none calls Azure during the request.
 */
export function createRouter(options: RouterOptions): express.Router {
  const { httpAuth } = options;
  const context: RouteContext = {
    requirePermission: createRequirePermission(options),
    credentials: req =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
    health: options.health,
    allowedSubscriptions: options.allowedSubscriptions,
  };
  const router = Router();
  router.use(express.json());
  livenessRoute(router);
  for (const routes of [
    subscriptionsRoute,
    entityHealthRoute,
    entityFindingsRoutes,
    connectorListRoutes,
    connectorRefreshRoute,
  ]) {
    routes(router, context);
  }
  return router;
}
