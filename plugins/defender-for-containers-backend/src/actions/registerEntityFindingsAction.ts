import type { PermissionsService } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  connectorReadPermission,
  FINDING_SEVERITIES,
  FINDING_SORTS,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { authorizeDefenderPermission } from '@defender-backstage/plugin-defender-for-containers-node';
import type { DefenderHealthService } from '../service/DefenderHealthService';
import { parseActionEntityRef } from './parseActionEntityRef';

/**
 * `defender-for-containers:get-entity-findings` in the actions registry (an MCP tool): a page of
 * an entity's open vulnerability findings, as the Findings tab shows them. Same permission,
 * entity read as the caller and per-connector scoping as the tab's route; database only.
 */
export function registerEntityFindingsAction(
  actionsRegistry: ActionsRegistryService,
  deps: { health: DefenderHealthService; permissions: PermissionsService },
) {
  actionsRegistry.register({
    name: 'get-entity-findings',
    title: 'Defender for Containers findings of a catalog entity',
    description:
      "Open container image vulnerability findings (Microsoft Defender for Containers) of the Docker Hub organizations and repositories a catalog entity names: image, package, CVE ids, severity, installed and fixed version, first seen. Filter by severity, fix available, repository or a CVE/package search; sorted and paged (pass nextCursor back as cursor for the next page). Answered from Backstage's last refresh from Azure; needs the permission defender-for-containers.connector.read.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    visibilityPermission: connectorReadPermission,
    schema: {
      input: z =>
        z
          .object({
            entityRef: z
              .string()
              .min(1)
              .max(300)
              .describe(
                'Catalog entity reference, [kind:][namespace/]name, e.g. component:default/payments-api',
              ),
            severity: z
              .array(z.enum(FINDING_SEVERITIES))
              .max(4)
              .optional()
              .describe('Only these severities'),
            fixable: z
              .boolean()
              .optional()
              .describe(
                'true: only findings with a fixed version; false: only those without',
              ),
            repository: z
              .string()
              .max(511)
              .regex(/^[a-z0-9][a-z0-9_-]{1,254}\/[a-z0-9][a-z0-9._-]{0,254}$/i)
              .optional()
              .describe('Only this Docker Hub repository, org/repo'),
            search: z
              .string()
              .min(1)
              .max(100)
              .optional()
              .describe('Substring of a CVE id, package or title'),
            sort: z
              .enum(FINDING_SORTS)
              .optional()
              .describe('Default severity (most severe first)'),
            order: z.enum(['asc', 'desc']).optional(),
            limit: z
              .number()
              .int()
              .min(1)
              .max(100)
              .optional()
              .describe('Default 25'),
            cursor: z
              .string()
              .min(1)
              .max(1000)
              .optional()
              .describe('nextCursor of the previous page'),
          })
          .strict(),
      output: z =>
        z.object({
          entityRef: z.string(),
          summary: z
            .string()
            .describe('Counts in one sentence, and what was left out'),
          totalCount: z
            .number()
            .describe('Findings matching the filters, all pages'),
          nextCursor: z.string().optional(),
          findings: z.array(z.object({}).passthrough()).describe('This page'),
          response: z
            .object({})
            .passthrough()
            .describe(
              'The full answer of GET /api/defender-for-containers/entities/:kind/:namespace/:name/defender/findings',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeDefenderPermission(
        deps.permissions,
        connectorReadPermission,
        credentials,
      );
      const ref = parseActionEntityRef(input.entityRef);
      const response = await deps.health.getEntityFindings(
        ref,
        {
          severity: input.severity,
          fixable: input.fixable,
          repository: input.repository?.toLowerCase(),
          q: input.search?.trim() || undefined,
          sort: input.sort,
          order: input.order,
          limit: input.limit ?? 25,
          cursor: input.cursor,
        },
        { credentials },
      );
      const c = response.counts;
      const left = [
        ...response.truncated.map(
          t =>
            `${t.organization}: only the ${t.stored} most severe of ${t.open} open findings are kept`,
        ),
        ...response.notAllowed.map(n => `${n.organization}: not allowed`),
      ];
      return {
        output: {
          entityRef: response.entityRef,
          summary: `${c.total} open findings (${c.critical} critical, ${
            c.high
          } high, ${c.medium} medium, ${c.low} low; ${c.fixable} with a fix); ${
            response.totalCount
          } match the filters${left.length ? `; ${left.join('; ')}` : ''}`,
          totalCount: response.totalCount,
          ...(response.nextCursor ? { nextCursor: response.nextCursor } : {}),
          findings: response.items as unknown as Record<string, unknown>[],
          response: response as unknown as Record<string, unknown>,
        },
      };
    },
  });
}
