import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import type { SecurityConnector } from '@defender-backstage/plugin-defender-for-containers-node';
import { startCatalogModule } from '../__testUtils__/startCatalogModule';
import { waitFor } from '../__testUtils__/waitFor';
import { catalogModuleDefenderConnectors } from './catalogModuleDefenderConnectors';

const SUB = '11111111-1111-1111-1111-111111111111';
const dockerHub = (org: string): SecurityConnector => ({
  id: `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.Security/securityConnectors/dockerhub-${org}`,
  name: `dockerhub-${org}`,
  location: 'westeurope',
  tags: { 'backstage-owner': 'group:default/payments' },
  properties: {
    hierarchyIdentifier: org,
    environmentName: 'DockerHub',
    environmentData: {
      environmentType: 'DockerHubOrganization',
      scanInterval: 12,
    },
    offerings: [{ offeringType: 'CspmMonitorDockerHub' }],
  },
});

describe('catalogModuleDefenderConnectors', () => {
  it('mirrors Docker Hub connectors and refreshes when a connector-changed event arrives', async () => {
    let listed: SecurityConnector[] = [dockerHub('acme')];
    const listSecurityConnectors = jest.fn(async () => listed);
    const logger = mockServices.logger.mock();
    const events = DefaultEventsService.create({ logger });

    const { provider } = await startCatalogModule({
      config: {
        azure: {
          tenantId: 'contoso.onmicrosoft.com',
          subscriptions: [{ id: SUB }],
        },
      },
      arm: { listSecurityConnectors },
      events,
    });
    expect(provider?.getProviderName()).toBe(
      'defender-for-containers-connectors',
    );

    const applyMutation = jest.fn();
    await provider!.connect({ applyMutation, refresh: jest.fn() });

    listed = [
      dockerHub('acme'),
      { ...dockerHub('not-dockerhub'), properties: { environmentName: 'AWS' } },
      dockerHub('globex'),
    ];
    expect(applyMutation).not.toHaveBeenCalled();
    await events.publish({
      topic: 'defender-for-containers.connectors',
      eventPayload: {},
    });

    // The event's effect, not a guess at how long it takes: the provider's mutation.
    await waitFor(() => expect(applyMutation).toHaveBeenCalledTimes(1));
    const [mutation] = applyMutation.mock.calls[0];
    expect(mutation.type).toBe('full');
    expect(mutation.entities.map((e: any) => e.entity.metadata.name)).toEqual([
      'defender-dockerhub-acme',
      'defender-dockerhub-globex',
    ]);
    expect(mutation.entities[0].entity.metadata.links[0].url).toBe(
      `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${
        dockerHub('acme').id
      }`,
    );
    expect(listSecurityConnectors).toHaveBeenCalledWith(SUB);
  });

  it('starts without defenderForContainers, warning once with the keys to set', async () => {
    const addEntityProvider = jest.fn();
    const logger = mockServices.logger.mock();
    await startTestBackend({
      extensionPoints: [
        [catalogProcessingExtensionPoint, { addEntityProvider }],
      ],
      features: [
        catalogModuleDefenderConnectors,
        mockServices.rootConfig.factory({ data: {} }),
        logger.factory,
      ],
    });
    expect(addEntityProvider).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('defenderForContainers.azure.subscriptions'),
    );
  });
});
