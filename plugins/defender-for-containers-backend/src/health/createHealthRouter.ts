import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CONNECTOR_LIST_SORTS,
  connectorOwnerRef,
  connectorReadPermission,
  connectorRefreshPermission,
  readConnectorId,
} from '@defender-backstage/plugin-defender-for-containers-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { createRequirePermission } from '../requirePermission';
import { sendJson } from './sendJson';
import type { DefenderHealthService } from './DefenderHealthService';

/** Catalog rules for kinds, namespaces and names (at most 63 characters). */
const ENTITY_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const entityParams = z.object({
  kind: z.string().regex(ENTITY_PART),
  namespace: z.string().regex(ENTITY_PART),
  name: z.string().regex(ENTITY_PART),
});

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

const refreshParams = z.object({
  id: z
    .string()
    .max(600)
    .refine(id => readConnectorId(id) !== undefined, {
      message:
        'expected a URL-encoded security connector id: /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>',
    }),
});

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new InputError(
      `Invalid ${what}: ${result.error.issues
        .map(i => `${i.path.join('.') || what} ${i.message}`)
        .join('; ')}`,
    );
  }
  return result.data;
}

/**
 * The health routes: thin, validated, behind the read (or refresh) permission. Answers come from
 * `DefenderHealthService`; none of these routes calls Azure during the request.
 */
export async function createHealthRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  health: DefenderHealthService;
  /** `defenderForContainers.permissions.servicePrincipals`: services that may refresh; default none. */
  servicePrincipals?: readonly string[];
}): Promise<express.Router> {
  const { httpAuth, health } = options;
  const requirePermission = createRequirePermission(options);
  const router = Router();
  router.use(express.json());

  router.get(
    '/entities/:kind/:namespace/:name/defender',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const ref = parse(entityParams, req.params, 'entity reference');
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      sendJson(res, await health.getEntityHealth(ref, { credentials }));
    },
  );

  router.get(
    '/connectors',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const query = parse(listQuery, req.query, 'query');
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      res.json(await health.listConnectors(query, { credentials }));
    },
  );

  router.get(
    '/connectors/owners',
    requirePermission(connectorReadPermission),
    async (req, res) => {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      res.json(await health.listConnectorOwners({ credentials }));
    },
  );

  router.post(
    '/connectors/:id/refresh',
    requirePermission(connectorRefreshPermission),
    async (req, res) => {
      const { id } = parse(refreshParams, req.params, 'connector id');
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

  return router;
}
