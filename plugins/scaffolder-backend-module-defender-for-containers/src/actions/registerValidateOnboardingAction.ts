import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  connectorCreatePermission,
  connectorEntityRef,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { parseOnboardingInput } from '../input/parseOnboardingInput';
import { runPreflight } from '../preflight/runPreflight';
import type { DefenderActionsOptions } from './DefenderActionsOptions';
import { authorizeInitiator } from './authorizeInitiator';
import { checkSchema } from './onboardingSchema';

/**
 * `scaffolder:validate-defender-docker-hub-onboarding` in the actions registry (and so an MCP
 * tool): the pre-flight of `defender:dockerhub:validate` as a dry run an AI assistant can ask
 * for. It reads Docker Hub and Azure and writes nothing. The backend's own Azure credential does
 * the reading, so the caller needs the same permission as onboarding itself
 * (`defender-for-containers.connector.create`), checked before any remote call.
 *
 * Unlike the scaffolder action, a failed check is an answer (`ok: false` and the checks), not an
 * error: telling what to fix is the point of asking.
 */
export function registerValidateOnboardingAction(
  actionsRegistry: ActionsRegistryService,
  options: DefenderActionsOptions,
) {
  actionsRegistry.register({
    name: 'validate-defender-docker-hub-onboarding',
    title:
      'Validate onboarding a Docker Hub organization to Defender for Containers',
    description:
      "Dry run of onboarding a Docker Hub organization to Microsoft Defender for Containers: checks that the Docker Hub user exists, belongs to the organization, that its access token is valid and read-only and sees the private repositories, and that the Azure subscription and resource group accept a connector. Writes nothing anywhere. NEEDS the user's Docker Hub access token (dckr_pat_…): ask the user for it; it is used for the checks only and never returned. Needs the permission defender-for-containers.connector.create.",
    attributes: { readOnly: true, destructive: false, idempotent: true },
    // Hidden from whoever may not onboard: an agent is not offered a tool that would only
    // refuse. The handler checks the permission again (the registry is not ours to trust).
    visibilityPermission: connectorCreatePermission,
    schema: {
      input: z =>
        z
          .object({
            organization: z
              .string()
              .describe(
                'Docker Hub organization (namespace), e.g. acme: 2–255 lower-case letters, digits, - or _',
              ),
            username: z
              .string()
              .describe(
                'The dedicated Docker Hub user Defender will sign in as (an Editor of the organization)',
              ),
            accessToken: z
              .string()
              .describe(
                "REQUIRED SECRET: that user's read-only personal access token (dckr_pat_…). Ask the user for it; it is only used for the checks and never echoed",
              ),
            subscriptionId: z
              .string()
              .optional()
              .describe(
                'Azure subscription id of the connector; default: the first subscription this Backstage may onboard into',
              ),
            resourceGroup: z
              .string()
              .optional()
              .describe(
                "Resource group of the connector; default: the subscription's configured one",
              ),
          })
          // A misspelt optional input must be refused, not dropped, as in the scaffolder actions.
          .strict(),
      output: z =>
        z.object({
          ok: z
            .boolean()
            .describe('True when no check failed (warnings allowed)'),
          checks: z
            .array(checkSchema(z))
            .describe(
              'Every pre-flight check in order: id, title, status (pass/warn/fail/skipped), message, remedy',
            ),
          warnings: z.array(z.string()),
          connectorId: z.string().describe('ARM id the connector would have'),
          entityRef: z
            .string()
            .describe('Catalog entity the connector would get'),
          connectorExists: z
            .boolean()
            .describe(
              'True when that connector already connects this organization (onboarding would update it)',
            ),
        }),
    },
    action: async ({ input, credentials, logger }) => {
      // Before anything else: a refused caller has made no call to Docker Hub or Azure.
      await authorizeInitiator(
        { getInitiatorCredentials: async () => credentials },
        options.permissions,
        connectorCreatePermission,
        'validate Docker Hub organizations for onboarding',
        options.servicePrincipals,
      );
      const parsed = parseOnboardingInput(
        {
          ...input,
          subscriptionId: input.subscriptionId ?? options.subscriptions[0]?.id,
        },
        options.subscriptions,
      );
      const result = await runPreflight(options, parsed, logger);
      return {
        output: {
          ok: result.ok,
          checks: result.checks,
          warnings: result.warnings,
          connectorId: parsed.connectorId,
          entityRef: connectorEntityRef(parsed.organization),
          connectorExists: Boolean(result.azure.existing),
        },
      };
    },
  });
}
