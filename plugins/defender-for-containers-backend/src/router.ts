import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  connectorCreatePermission,
  type AllowedSubscription,
} from '@defender-backstage/plugin-defender-for-containers-common';
import express from 'express';
import Router from 'express-promise-router';
import { createRequirePermission } from './requirePermission';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  allowedSubscriptions: AllowedSubscription[];
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

  // The onboarding form's subscription and resource group choices: only what config allows.
  // Only who may onboard needs them, and they name the organization's security subscriptions.
  router.get(
    '/azure/subscriptions',
    requirePermission(connectorCreatePermission),
    async (_req, res) => {
      res.json({ items: allowedSubscriptions });
    },
  );

  return router;
}
