import { asTaskAction } from './asTaskAction';
import { announceConnectorChange } from './announceConnectorChange';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  connectorDeletePermission,
  connectorEntityRef,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  authorizeDefenderPermission,
  parseSecurityConnectorId,
  describeConnector,
  isDockerHubConnectorOf,
  type SecurityConnector,
} from '@defender-backstage/plugin-defender-for-containers-node';
import { isUnregisteredProvider } from '../errors/describeError';
import { parseOffboardingInput } from '../input/parseOffboardingInput';
import { armFailure } from '../onboarding/armFailure';
import type { DefenderActionsOptions } from './DefenderActionsOptions';
import { examples } from './createDockerHubOffboardAction.examples';

/**
 * `defender:dockerhub:offboard` — deletes the Docker Hub connector of an organization after a
 * typed confirmation, saying what stops. A connector that is already gone is not an error.
 * @public
 */
export function createDockerHubOffboardAction(options: DefenderActionsOptions) {
  return asTaskAction(
    createTemplateAction({
      id: 'defender:dockerhub:offboard',
      description:
        'Deletes the Microsoft Defender for Containers connector of a Docker Hub organization (scanning and findings stop).',
      examples,
      supportsDryRun: true,
      schema: {
        input: {
          organization: z =>
            z
              .string()
              .describe('Docker Hub organization whose connector is deleted'),
          confirmation: z =>
            z
              .string()
              .describe(
                'Type the organization name again to confirm; anything else stops the action',
              ),
          connectorId: z =>
            z
              .string()
              .optional()
              .describe(
                'ARM id of the connector; default: found by organization in the allowed subscriptions',
              ),
          subscriptionId: z =>
            z
              .string()
              .optional()
              .describe(
                'Subscription of the connector (instead of connectorId)',
              ),
          resourceGroup: z =>
            z
              .string()
              .optional()
              .describe(
                "Resource group of the connector (default: the subscription's)",
              ),
          connectorName: z =>
            z
              .string()
              .optional()
              .describe('Connector name (default: `dockerhub-<organization>`)'),
        },
        output: {
          removed: z =>
            z
              .boolean()
              .describe(
                'True when a connector was deleted now; false when it was already gone',
              ),
          connectorId: z =>
            z.string().optional().describe('ARM id of the deleted connector'),
          connectorName: z =>
            z.string().optional().describe('Name of the deleted connector'),
          subscriptionId: z =>
            z.string().optional().describe('Its subscription'),
          resourceGroup: z =>
            z.string().optional().describe('Its resource group'),
          organization: z => z.string().describe('The Docker Hub organization'),
          entityRef: z =>
            z
              .string()
              .describe(
                'Catalog entity ref that disappears at the next catalog refresh',
              ),
          stopped: z =>
            z.array(z.string()).describe('What stops with the connector'),
        },
      },
      async handler(ctx) {
        await authorizeDefenderPermission(
          options.permissions,
          connectorDeletePermission,
          await ctx.getInitiatorCredentials(),
          {
            doing: 'offboard Docker Hub organizations',
            servicePrincipals: options.servicePrincipals,
          },
        );
        const input = parseOffboardingInput(ctx.input, options.subscriptions);
        const { organization } = input;
        const signal = ctx.signal;
        ctx.output('organization', organization);
        ctx.output('entityRef', connectorEntityRef(organization));

        let connector: SecurityConnector | undefined;
        try {
          if (input.connectorId) {
            connector = await options.arm.getSecurityConnector(
              input.connectorId,
              { signal },
            );
          } else {
            const lists = await Promise.all(
              options.subscriptions.map(s =>
                options.arm
                  .listSecurityConnectors(s.id, { signal })
                  .catch(e => {
                    if (isUnregisteredProvider(e)) return [];
                    throw e;
                  }),
              ),
            );
            connector = lists
              .flat()
              .find(c => isDockerHubConnectorOf(c, organization));
          }
        } catch (e) {
          throw armFailure(`Looking up the connector of ${organization}`, e);
        }
        if (!connector) {
          ctx.logger.info(
            `No Defender connector for ${organization}${
              input.connectorId
                ? ` at ${input.connectorId}`
                : ' in the allowed subscriptions'
            }: nothing to remove (already offboarded).`,
          );
          ctx.output('removed', false);
          ctx.output('stopped', []);
          return;
        }
        if (!isDockerHubConnectorOf(connector, organization)) {
          throw new InputError(
            `${
              connector.id
            } is not the Docker Hub connector of ${organization} (it is ${describeConnector(
              connector,
            )}); refusing to delete it.`,
          );
        }
        const parts = parseSecurityConnectorId(connector.id);
        const stopped = [
          `Defender vulnerability scanning of ${organization}'s private repositories (every ${
            connector.properties?.environmentData?.scanInterval ?? '?'
          } h)`,
          `vulnerability findings and recommendations for ${organization}'s images in Defender for Cloud and on Backstage entity pages`,
          `the catalog entity ${connectorEntityRef(
            organization,
          )} (removed at the next catalog refresh)`,
          `the access token stored in the connector is discarded; revoke it in Docker Hub too`,
        ];
        ctx.output('connectorId', connector.id);
        ctx.output('connectorName', parts.name);
        ctx.output('subscriptionId', parts.subscriptionId);
        ctx.output('resourceGroup', parts.resourceGroup);
        ctx.output('stopped', stopped);
        ctx.logger.warn(
          `Deleting ${connector.id} stops:\n${stopped
            .map(s => `- ${s}`)
            .join('\n')}`,
        );
        if (ctx.isDryRun) {
          ctx.logger.info(
            `Dry run: nothing deleted. Would send DELETE ${connector.id}`,
          );
          ctx.output('removed', false);
          return;
        }
        let deleted: boolean;
        try {
          ({ deleted } = await ctx.checkpoint({
            key: `defender.dockerhub.connector.delete.${connector.id.toLowerCase()}`,
            fn: () =>
              options.arm.deleteSecurityConnector(connector!.id, { signal }),
          }));
        } catch (e) {
          throw armFailure(`Deleting ${parts.name}`, e);
        }
        ctx.output('removed', deleted);
        await announceConnectorChange(options, connector.id, ctx.logger);
        ctx.logger.info(
          deleted
            ? `Deleted ${connector.id}.`
            : `${connector.id} was already gone (deleted concurrently).`,
        );
      },
    }),
  );
}
