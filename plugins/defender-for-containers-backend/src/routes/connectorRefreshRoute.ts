import {
  connectorRefreshPermission,
  readConnectorId,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Router } from 'express';
import { z } from 'zod';
import { parseInput } from './parseInput';
import type { RouteContext } from './RouteContext';

const refreshParams = z.object({
  id: z
    .string()
    .max(600)
    .refine(id => readConnectorId(id) !== undefined, {
      message:
        'expected a URL-encoded security connector id: /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>',
    }),
});

/** An on-demand refresh of one connector: accepted (202) or refused for a while (429). */
export function connectorRefreshRoute(
  router: Router,
  { requirePermission, health }: RouteContext,
): void {
  router.post(
    '/connectors/:id/refresh',
    requirePermission(connectorRefreshPermission),
    async (req, res) => {
      const { id } = parseInput(refreshParams, req.params, 'connector id');
      const result = await health.requestConnectorRefresh(id);
      if (!result.accepted) {
        res
          .status(429)
          .set('Retry-After', String(result.retryAfterSeconds))
          .json({
            // Backstage's error body (as the root error handler writes it), so clients'
            // ResponseError.fromResponse reads the name and message.
            error: {
              name: 'TooManyRequestsError',
              message: `This connector was refreshed on demand moments ago; try again in ${result.retryAfterSeconds} s`,
            },
            request: { method: req.method, url: req.originalUrl },
            response: { statusCode: 429 },
          });
        return;
      }
      res.status(202).json(result.response);
    },
  );
}
