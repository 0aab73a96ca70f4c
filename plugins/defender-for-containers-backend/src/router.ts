import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  connectorCreatePermission,
  connectorDeletePermission,
  type AllowedSubscription,
} from '@defender-backstage/plugin-defender-for-containers-common';
import express from 'express';
import Router from 'express-promise-router';
import { createRequirePermission } from './requirePermission';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  allowedSubscriptions: AllowedSubscription[];
  /** `defenderForContainers.permissions.servicePrincipals`: services that may write; default none. */
  servicePrincipals?: readonly string[];
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { allowedSubscriptions } = options;
  const requirePermission = createRequirePermission(options);
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The subscription and resource group choices of the onboarding, rotation and offboarding
  // forms: only what config allows. They name the organization's security subscriptions, so only
  // who may create or delete connectors gets them (a delete-only user still offboards).
  router.get(
    '/azure/subscriptions',
    requirePermission([connectorCreatePermission, connectorDeletePermission]),
    async (_req, res) => {
      res.json({ items: allowedSubscriptions });
    },
  );

  return router;
}
