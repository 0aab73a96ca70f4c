import { authorizeDefenderPermission } from '@defender-backstage/plugin-defender-for-containers-node';
import { asTaskAction } from './asTaskAction';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  connectorCreatePermission,
  connectorEntityRef,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { parseOnboardingInput } from '../input/parseOnboardingInput';
import type { DefenderActionsOptions } from './DefenderActionsOptions';
import { examples } from './createDockerHubValidateAction.examples';
import {
  onboardingInputSchema,
  preflightOutputSchema,
} from './onboardingSchema';
import { runPreflightStep } from './runPreflightStep';

/**
 * `defender:dockerhub:validate` — every onboarding pre-flight check against Docker Hub and Azure,
 * one task log line each; writes nothing anywhere. Fails the step when a check fails.
 * @public
 */
export function createDockerHubValidateAction(options: DefenderActionsOptions) {
  return asTaskAction(
    createTemplateAction({
      id: 'defender:dockerhub:validate',
      description:
        'Checks the Docker Hub user, its access token and the Azure target for onboarding a Docker Hub organization to Microsoft Defender for Containers; writes nothing.',
      examples,
      supportsDryRun: true,
      schema: {
        input: onboardingInputSchema,
        output: {
          ...preflightOutputSchema,
          ok: z =>
            z
              .boolean()
              .describe('True when no check failed (warnings allowed)'),
          connectorExists: z =>
            z
              .boolean()
              .describe(
                'True when the target connector already connects this organization (onboard will update it)',
              ),
        },
      },
      async handler(ctx) {
        await authorizeDefenderPermission(
          options.permissions,
          connectorCreatePermission,
          await ctx.getInitiatorCredentials(),
          {
            doing: 'validate Docker Hub organizations for onboarding',
            servicePrincipals: options.servicePrincipals,
          },
        );
        const input = parseOnboardingInput(ctx.input, options.subscriptions);
        ctx.logger.info(
          `Checking Docker Hub organization ${input.organization} (user ${input.username}) and Azure target ${input.connectorId}`,
        );
        const result = await runPreflightStep(ctx, options, input);
        ctx.output('connectorId', input.connectorId);
        ctx.output('entityRef', connectorEntityRef(input.organization));
        ctx.output('connectorExists', Boolean(result.azure.existing));
        ctx.output('ok', result.ok);
        result.throwIfFailed();
        ctx.logger.info(
          `All checks passed${
            result.warnings.length
              ? ` with ${result.warnings.length} warning(s)`
              : ''
          }: ${input.organization} can be onboarded.`,
        );
      },
    }),
  );
}
