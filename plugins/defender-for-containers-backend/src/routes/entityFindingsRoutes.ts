import {
  connectorReadPermission,
  FINDING_SEVERITIES,
  FINDING_SORTS,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Router } from 'express';
import { z } from 'zod';
import { entityParams } from './entityHealthRoute';
import { parseInput } from './parseInput';
import type { RouteContext } from './RouteContext';
import { sendJson } from './sendJson';

const bool = z.enum(['true', 'false']).transform(v => v === 'true');

const findingsQuery = z
  .object({
    // `Critical,High`, any case; each severity once.
    severity: z
      .string()
      .max(100)
      .transform((value, ctx) => {
        const names = value.split(',').map(v => v.trim().toLowerCase());
        const severities = FINDING_SEVERITIES.filter(s =>
          names.includes(s.toLowerCase()),
        );
        if (
          names.length === 0 ||
          names.some(n => !FINDING_SEVERITIES.some(s => s.toLowerCase() === n))
        ) {
          ctx.addIssue({
            code: 'custom',
            message: `expected a comma-separated list of ${FINDING_SEVERITIES.join(
              ', ',
            )}`,
          });
          return z.NEVER;
        }
        return severities;
      })
      .optional(),
    fixable: bool.optional(),
    repository: z
      .string()
      .regex(/^[a-z0-9][a-z0-9_-]{1,254}\/[a-z0-9][a-z0-9._-]{0,254}$/i)
      .transform(r => r.toLowerCase())
      .optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: z.enum(FINDING_SORTS).optional(),
    order: z.enum(['asc', 'desc']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(25),
    cursor: z.string().min(1).max(1000).optional(),
  })
  .strict();

const rollupQuery = z.object({ children: bool.optional() }).strict();

/** The Findings tab's page, and the Group/System roll-up card's one call. */
export function entityFindingsRoutes(
  router: Router,
  { requirePermission, credentials, health }: RouteContext,
): void {
  router.get(
    '/entities/:kind/:namespace/:name/defender/findings',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const ref = parseInput(entityParams, req.params, 'entity reference');
      const query = parseInput(findingsQuery, req.query, 'query');
      sendJson(
        res,
        await health.getEntityFindings(ref, query, {
          credentials: await credentials(req),
        }),
      );
    },
  );

  router.get(
    '/entities/:kind/:namespace/:name/defender/rollup',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const ref = parseInput(entityParams, req.params, 'entity reference');
      const { children } = parseInput(rollupQuery, req.query, 'query');
      sendJson(
        res,
        await health.getEntityRollup(ref, {
          children: children ?? false,
          credentials: await credentials(req),
        }),
      );
    },
  );
}
