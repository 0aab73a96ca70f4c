import type { PermissionsService } from '@backstage/backend-plugin-api';
import { authorizeDefenderPermission } from '@defender-backstage/plugin-defender-for-containers-node';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  CONNECTOR_STATUSES,
  connectorReadPermission,
  type ConnectorStatus,
  type EntityConnector,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { DefenderHealthService } from '../service/DefenderHealthService';
import { parseActionEntityRef } from './parseActionEntityRef';

/** One line per connector, what an assistant can quote without reading the whole answer. */
function summarize(c: EntityConnector): string {
  if (c.status === 'missing')
    return `${c.organization ?? c.id}: missing — ${c.message}`;
  if (c.status === 'notAllowed')
    return `${c.organization}: not allowed — ${c.message}`;
  const t = c.findings.totals;
  const issues = c.issues.map(i => i.title).join('; ');
  return `${c.organization}: ${c.status}${
    issues ? ` — ${issues}` : ''
  }; findings ${t.critical} critical, ${t.high} high, ${t.medium} medium, ${
    t.low
  } low${c.staleSince ? `; stale since ${c.staleSince}` : ''}`;
}

function compact(c: EntityConnector) {
  if (c.status === 'missing' || c.status === 'notAllowed') {
    return {
      organization: c.organization,
      ...(c.status === 'missing' ? { id: c.id } : {}),
      status: c.status,
      message: c.message,
      issues: [],
    };
  }
  return {
    organization: c.organization,
    id: c.id,
    status: c.status,
    message: c.message,
    issues: c.issues.map(i => i.title),
    findings: c.findings.totals,
    refreshedAt: c.refreshedAt,
    portalUrl: c.portalUrl,
  };
}

/**
 * `defender-for-containers:get-entity-defender-health` in the actions registry (and so an MCP
 * tool): the entity card's answer for one entity. Same guard as the card's route — the caller
 * needs `defender-for-containers.connector.read` — and the entity is read as the caller, so an
 * entity they may not see is "not found" here too. Reads the plugin's database only.
 */
export function registerEntityDefenderHealthAction(
  actionsRegistry: ActionsRegistryService,
  deps: { health: DefenderHealthService; permissions: PermissionsService },
) {
  actionsRegistry.register({
    name: 'get-entity-defender-health',
    title: 'Defender for Containers health of a catalog entity',
    description:
      "Microsoft Defender for Containers status of the Docker Hub organizations and repositories a catalog entity names (annotations microsoft.com/defender-dockerhub-*): each connector's health (healthy, unhealthy, pending, stale, missing, or notAllowed when the caller may not read the connector's catalog Resource), its issues with remediation, and vulnerability findings counts. Answered from Backstage's last refresh from Azure; needs the permission defender-for-containers.connector.read.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    // Hidden from whoever may not read connectors: an agent is not offered a tool that would
    // only refuse. The handler checks the permission again (the registry is not ours to trust).
    visibilityPermission: connectorReadPermission,
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .min(1)
            .max(300)
            .describe(
              'Catalog entity reference, [kind:][namespace/]name, e.g. component:default/payments-api (kind defaults to component, namespace to default)',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string().describe('The entity, as a full reference'),
          summary: z
            .array(z.string())
            .describe(
              'One line per connector: status, issues, findings counts',
            ),
          connectors: z
            .array(
              z.object({
                organization: z.string().optional(),
                id: z.string().optional(),
                status: z.enum(
                  CONNECTOR_STATUSES as [ConnectorStatus, ...ConnectorStatus[]],
                ),
                message: z.string(),
                issues: z.array(z.string()).describe('Issue titles'),
                findings: z
                  .object({
                    critical: z.number(),
                    high: z.number(),
                    medium: z.number(),
                    low: z.number(),
                  })
                  .optional(),
                refreshedAt: z.string().optional(),
                portalUrl: z.string().optional(),
              }),
            )
            .describe('Compact view of each connector'),
          response: z
            .object({})
            .passthrough()
            .describe(
              'The full answer of GET /api/defender-for-containers/entities/:kind/:namespace/:name/defender (issues with remediation, findings per repository and image, worst findings, trend)',
            ),
        }),
    },
    action: async ({ input, credentials }) => {
      // Like the route: who may not read connectors learns nothing, not even input errors.
      await authorizeDefenderPermission(
        deps.permissions,
        connectorReadPermission,
        credentials,
      );
      const ref = parseActionEntityRef(input.entityRef);
      const response: EntityDefenderResponse =
        await deps.health.getEntityHealth(ref, { credentials });
      return {
        output: {
          entityRef: response.entityRef,
          summary: response.connectors.map(summarize),
          connectors: response.connectors.map(compact),
          response: response as unknown as Record<string, unknown>,
        },
      };
    },
  });
}
