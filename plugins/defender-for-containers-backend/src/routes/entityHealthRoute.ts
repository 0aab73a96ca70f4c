import { connectorReadPermission } from '@defender-backstage/plugin-defender-for-containers-common';
import type { Router } from 'express';
import { z } from 'zod';
import { parseInput } from './parseInput';
import type { RouteContext } from './RouteContext';
import { sendJson } from './sendJson';

/** Catalog rules for kinds, namespaces and names (at most 63 characters). */
const ENTITY_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

export const entityParams = z.object({
  kind: z.string().regex(ENTITY_PART),
  namespace: z.string().regex(ENTITY_PART),
  name: z.string().regex(ENTITY_PART),
});

/** The entity card's one call. */
export function entityHealthRoute(
  router: Router,
  { requirePermission, credentials, health }: RouteContext,
): void {
  router.get(
    '/entities/:kind/:namespace/:name/defender',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const ref = parseInput(entityParams, req.params, 'entity reference');
      sendJson(
        res,
        await health.getEntityHealth(ref, {
          credentials: await credentials(req),
        }),
      );
    },
  );
}
