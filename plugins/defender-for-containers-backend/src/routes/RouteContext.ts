import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type { Request } from 'express';
import type { createRequirePermission } from './requirePermission';
import type { DefenderHealthService } from '../service/DefenderHealthService';

/** What the route files share, built once by `createRouter`. */
export interface RouteContext {
  requirePermission: ReturnType<typeof createRequirePermission>;
  /** The caller, a user or a service (the only principals the routes serve). */
  credentials(
    req: Request,
  ): Promise<
    BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>
  >;
  health: DefenderHealthService;
  allowedSubscriptions: AllowedSubscription[];
}
