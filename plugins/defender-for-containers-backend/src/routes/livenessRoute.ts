import type { Router } from 'express';

/**
 * The liveness probe's path. Not connector health: it says the plugin answers, nothing more, so
 * load balancers and readiness probes call it without a token.
 */
export const LIVENESS_PATH = '/health';

export function livenessRoute(router: Router): void {
  router.get(LIVENESS_PATH, (_req, res) => {
    res.json({ status: 'ok' });
  });
}
