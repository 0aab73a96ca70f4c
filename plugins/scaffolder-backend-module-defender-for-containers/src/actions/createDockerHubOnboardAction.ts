import { asTaskAction } from './asTaskAction';
import { announceConnectorChange } from './announceConnectorChange';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  connectorCreatePermission,
  connectorEntityRef,
  connectorPortalUrl,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  authorizeDefenderPermission,
  dockerHubOfferings,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { describeError } from '../errors/describeError';
import { parseOnboardingInput } from '../input/parseOnboardingInput';
import { resolveConnectorSettings } from '../input/resolveConnectorSettings';
import { writeFailure } from '../onboarding/writeFailure';
import {
  actualSettings,
  desiredSettings,
  putCheckpointKey,
  sameSettings,
} from '../onboarding/connectorFingerprint';
import { putConnector } from '../onboarding/putConnector';
import { parseOnboardingMode } from '../input/parseOnboardingMode';
import { connectorAsCodeStep } from './connectorAsCodeStep';
import type { DefenderActionsOptions } from './DefenderActionsOptions';
import { examples } from './createDockerHubOnboardAction.examples';
import {
  onboardInputSchema,
  onboardOutputSchema,
  onboardingInputSchema,
  preflightOutputSchema,
} from './onboardingSchema';
import { requireTokenFromSecrets } from './requireTokenFromSecrets';
import { runPreflightStep } from './runPreflightStep';

/**
 * `defender:dockerhub:onboard` — the pre-flight of `validate`, then one PUT of the Docker Hub
 * security connector (create, or update in place: token rotation, plans, interval), read back.
 * On a dry run or with `mode: code` it writes nothing and outputs the connector as Bicep and
 * Terraform instead.
 * @public
 */
export function createDockerHubOnboardAction(options: DefenderActionsOptions) {
  return asTaskAction(
    createTemplateAction({
      id: 'defender:dockerhub:onboard',
      description:
        'Validates a Docker Hub organization, its dedicated user and read-only token, then creates or updates its Microsoft Defender for Containers security connector.',
      examples,
      supportsDryRun: true,
      schema: {
        input: { ...onboardingInputSchema, ...onboardInputSchema },
        output: {
          ...preflightOutputSchema,
          ...onboardOutputSchema,
          connectorName: z =>
            z.string().describe('Name of the security connector'),
          subscriptionId: z =>
            z.string().describe('Subscription of the connector'),
          resourceGroup: z =>
            z.string().describe('Resource group of the connector'),
          portalUrl: z =>
            z.string().describe('Azure portal link of the connector'),
          organization: z => z.string().describe('The Docker Hub organization'),
          plans: z =>
            z
              .object({
                foundationalCspm: z.boolean(),
                defenderForContainers: z.boolean(),
                defenderCspm: z.boolean(),
              })
              .describe(
                'Plans of the connector (Foundational CSPM is always on)',
              ),
          offerings: z =>
            z.array(z.string()).describe('ARM offering types sent'),
          scanIntervalHours: z => z.number().describe('Scan interval in hours'),
          operation: z =>
            z
              .enum(['created', 'updated', 'dry-run'])
              .describe(
                'created, updated (in place; includes token rotation) or dry-run (nothing written: a dry run, or mode code)',
              ),
          configurationChanged: z =>
            z
              .boolean()
              .describe(
                'Whether the non-secret settings (plans, interval, user, location, tags) differ from before',
              ),
        },
      },
      async handler(ctx) {
        await authorizeDefenderPermission(
          options.permissions,
          connectorCreatePermission,
          await ctx.getInitiatorCredentials(),
          {
            doing: 'onboard Docker Hub organizations',
            servicePrincipals: options.servicePrincipals,
          },
        );
        const parsed = parseOnboardingInput(ctx.input, options.subscriptions);
        const mode = parseOnboardingMode(ctx.input.mode);
        requireTokenFromSecrets(parsed.accessToken, ctx.secrets);
        const { connectorId, organization } = parsed;
        ctx.logger.info(
          mode === 'code'
            ? `Checking Docker Hub organization ${organization} (user ${parsed.username}) and ${connectorId}, then writing its connector as code; nothing will be written to Azure (mode code)`
            : `Onboarding Docker Hub organization ${organization} (user ${parsed.username}) to ${connectorId}`,
        );
        const preflight = await runPreflightStep(ctx, options, parsed);
        preflight.throwIfFailed();

        const existing = preflight.azure.existing;
        // What is not given keeps the existing connector's value (e.g. on token rotation).
        const input = resolveConnectorSettings(parsed, existing);
        const desired = desiredSettings(input);
        const configurationChanged =
          !existing || !sameSettings(actualSettings(existing), desired);
        const outputs = () => {
          ctx.output('connectorId', connectorId);
          ctx.output('connectorName', input.connectorName);
          ctx.output('subscriptionId', input.subscription.id);
          ctx.output('resourceGroup', input.resourceGroup);
          ctx.output(
            'portalUrl',
            connectorPortalUrl(connectorId, options.azurePortal),
          );
          ctx.output('organization', organization);
          ctx.output('plans', { foundationalCspm: true, ...input.plans });
          ctx.output('offerings', dockerHubOfferings(input.plans));
          ctx.output('scanIntervalHours', input.scanIntervalHours);
          ctx.output('entityRef', connectorEntityRef(organization));
          ctx.output('configurationChanged', configurationChanged);
        };

        if (ctx.isDryRun || mode === 'code') {
          const iac = connectorAsCodeStep(
            ctx,
            options.arm,
            input,
            existing,
            mode,
          );
          outputs();
          ctx.output('iac', iac);
          ctx.output('operation', 'dry-run');
          return;
        }

        ctx.logger.info(
          existing
            ? `Updating ${input.connectorName} in place${
                configurationChanged
                  ? ' (settings changed)'
                  : ' (same settings; refreshing the token)'
              }`
            : `Creating ${input.connectorName}`,
        );
        let result: { created: boolean; alreadyApplied?: boolean };
        try {
          result = await ctx.checkpoint({
            key: putCheckpointKey(input),
            fn: () => putConnector(options.arm, input, existing, ctx.signal),
          });
        } catch (e) {
          throw await writeFailure(
            options.arm,
            options.subscriptions,
            input,
            e,
            ctx.signal,
          );
        }
        if (result.alreadyApplied) {
          ctx.logger.info(
            existing
              ? `Azure answered that ${input.connectorName} changed after the checks, and it already holds exactly these settings; it was written once more against that version, so it holds this run's token.`
              : `Azure answered that ${input.connectorName} changed after the checks, and it already holds exactly these settings (typically this run's own write landed and was retried): nothing more to write.`,
          );
        }

        // Read back: what Azure now holds is what the outputs describe.
        let readBack;
        try {
          readBack = await options.arm.getSecurityConnector(connectorId, {
            signal: ctx.signal,
          });
        } catch (e) {
          ctx.logger.warn(
            `The connector was written but could not be read back: ${describeError(
              e,
            )}`,
          );
        }
        if (readBack && !sameSettings(actualSettings(readBack), desired)) {
          const warning = `Azure holds different settings than sent for ${input.connectorName}; check it in the portal.`;
          preflight.warnings.push(warning);
          ctx.logger.warn(warning);
        }
        if (readBack === undefined) {
          ctx.logger.warn(
            `${input.connectorName} was written but is not readable yet.`,
          );
        }
        outputs();
        ctx.output('warnings', preflight.warnings);
        ctx.output('operation', result.created ? 'created' : 'updated');
        await announceConnectorChange(options, connectorId, ctx.logger);
        ctx.logger.info(
          `${
            result.created ? 'Created' : 'Updated'
          } ${connectorId}. Defender starts scanning ${organization} within an hour; the catalog entity will be ${connectorEntityRef(
            organization,
          )}.`,
        );
      },
    }),
  );
}
