import {
  connectorCreatePermission,
  connectorDeletePermission,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Router } from 'express';
import type { RouteContext } from './RouteContext';

/**
 * The subscription and resource group choices of the onboarding, rotation and offboarding forms:
 * only what config allows. They name the organization's security subscriptions, so only who may
 * create or delete connectors gets them (a delete-only user still offboards).
 */
export function subscriptionsRoute(
  router: Router,
  { requirePermission, allowedSubscriptions }: RouteContext,
): void {
  router.get(
    '/azure/subscriptions',
    requirePermission([connectorCreatePermission, connectorDeletePermission]),
    async (_req, res) => {
      res.json({ items: allowedSubscriptions });
    },
  );
}
