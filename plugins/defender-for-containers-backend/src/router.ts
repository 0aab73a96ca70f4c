import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import express from 'express';
import Router from 'express-promise-router';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  allowedSubscriptions: AllowedSubscription[];
}

export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { httpAuth, allowedSubscriptions } = options;
  const router = Router();
  router.use(express.json());

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The onboarding form's subscription and resource group choices: only what config allows.
  router.get('/azure/subscriptions', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    res.json({ items: allowedSubscriptions });
  });

  return router;
}
