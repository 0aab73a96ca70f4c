import { authorizeDefenderPermission } from '@defender-backstage/plugin-defender-for-containers-node';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  connectorCreatePermission,
  connectorEntityRef,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { parseOnboardingTarget } from '../input/parseOnboardingInput';
import { tokenFreePreflight } from '../preflight/tokenFreePreflight';
import type { DefenderActionsOptions } from './DefenderActionsOptions';
import { checkSchema } from './onboardingSchema';

/**
 * `scaffolder:validate-defender-docker-hub-onboarding` in the actions registry (and so an MCP
 * tool): the pre-flight of `defender:dockerhub:validate` without the Docker Hub token, as a dry
 * run an AI assistant can ask for. A token given to an assistant would live in the model's
 * context, the provider's logs and the transcripts, so the tool takes none and refuses any
 * unknown input: it runs every Azure check and what Docker Hub says anonymously, and leaves the
 * token's checks to the onboarding template's Secret field. It writes nothing. The backend's own Azure credential does
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
      "Dry run of onboarding a Docker Hub organization to Microsoft Defender for Containers, WITHOUT any Docker Hub credential: checks that the Azure subscription, Defender plans and resource group accept a connector, whether a connector for the organization exists already, and whether Docker Hub shows the organization publicly. Never ask the user for a Docker Hub token or password and never pass one: the token's checks (valid, read-only, sees the private repositories, its user is an Editor of the organization) are made by the onboarding template's Secret field when the user runs it in Backstage. Writes nothing anywhere. Needs the permission defender-for-containers.connector.create.",
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
          // A misspelt optional input must be refused, not dropped, as in the scaffolder actions;
          // and a token offered anyway is refused before it reaches any code of ours.
          .strict(
            'takes only organization, subscriptionId and resourceGroup, and never a Docker Hub token or user: the onboarding template asks for those in Backstage',
          ),
      output: z =>
        z.object({
          ok: z
            .boolean()
            .describe(
              'True when no check that can run without the token failed (warnings allowed); the token is checked at onboarding',
            ),
          checks: z
            .array(checkSchema(z))
            .describe(
              'Every pre-flight check in order: id, title, status (pass/warn/fail/skipped), message, remedy. The Docker Hub token checks are skipped: the onboarding template makes them',
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
      await authorizeDefenderPermission(
        options.permissions,
        connectorCreatePermission,
        credentials,
        {
          doing: 'validate Docker Hub organizations for onboarding',
          servicePrincipals: options.servicePrincipals,
        },
      );
      const parsed = parseOnboardingTarget(
        {
          ...input,
          subscriptionId: input.subscriptionId ?? options.subscriptions[0]?.id,
        },
        options.subscriptions,
      );
      const result = await tokenFreePreflight(options, parsed, logger);
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
