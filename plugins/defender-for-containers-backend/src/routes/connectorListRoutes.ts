import {
  CONNECTOR_LIST_SORTS,
  connectorOwnerRef,
  connectorReadPermission,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Router } from 'express';
import { z } from 'zod';
import { parseInput } from './parseInput';
import type { RouteContext } from './RouteContext';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const listQuery = z
  .object({
    status: z.enum(['healthy', 'unhealthy', 'pending', 'stale']).optional(),
    organization: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$/)
      .optional(),
    subscriptionId: z.string().regex(GUID).optional(),
    text: z.string().trim().min(1).max(100).optional(),
    // Any spelling of an entity ref (`team-a`, `group:default/team-a`), compared as the full
    // lower-case ref the refresh stores.
    owner: z
      .string()
      .max(255)
      .transform((value, ctx) => {
        const ref = connectorOwnerRef(value);
        if (!ref) {
          ctx.addIssue({
            code: 'custom',
            message: 'expected an entity ref such as group:default/team-a',
          });
          return z.NEVER;
        }
        return ref;
      })
      .optional(),
    sort: z.enum(CONNECTOR_LIST_SORTS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** The connectors overview: a filtered, sorted page, and the owners its filter offers. */
export function connectorListRoutes(
  router: Router,
  { requirePermission, credentials, health }: RouteContext,
): void {
  router.get(
    '/connectors',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const query = parseInput(listQuery, req.query, 'query');
      res.json(
        await health.listConnectors(query, {
          credentials: await credentials(req),
        }),
      );
    },
  );

  router.get(
    '/connectors/rollup',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      parseInput(z.object({}).strict(), req.query, 'query');
      res.json(
        await health.getOwnerRollup({ credentials: await credentials(req) }),
      );
    },
  );

  router.get(
    '/connectors/owners',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      res.json(
        await health.listConnectorOwners({
          credentials: await credentials(req),
        }),
      );
    },
  );
}
