import { mockServices } from '@backstage/backend-test-utils';
import type { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import { DefenderConnectorEntityProvider } from './DefenderConnectorEntityProvider';
import type { ConnectorRecord } from './connectorToEntity';

const connector = (
  organization: string,
  tags: Record<string, string> = {},
): ConnectorRecord => ({
  id: `/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-${organization}`,
  name: `dockerhub-${organization}`,
  subscriptionId: 's1',
  resourceGroup: 'rg',
  location: 'westeurope',
  organization,
  tags,
  offerings: ['CspmMonitorDockerHub'],
});

function setup(listing: () => Promise<any>) {
  const applyMutation = jest.fn();
  const provider = new DefenderConnectorEntityProvider({
    listConnectors: listing,
    defaultOwner: 'group:default/platform',
    portal: { tenantId: 'contoso.onmicrosoft.com' },
    logger: mockServices.logger.mock(),
  });
  return {
    provider,
    applyMutation,
    connection: {
      applyMutation,
      refresh: jest.fn(),
    } as EntityProviderConnection,
  };
}

describe('DefenderConnectorEntityProvider', () => {
  it('replaces the catalog view with the connectors found, owners from Azure tags', async () => {
    const { provider, applyMutation, connection } = setup(async () => ({
      connectors: [
        connector('acme', {
          'backstage-owner': 'group:default/payments',
          'backstage-system': 'payments',
        }),
        connector('Globex', { 'backstage-owner': 'not a ref!' }),
      ],
      failedSubscriptions: [],
    }));
    await provider.connect(connection);
    await provider.refresh();

    expect(applyMutation).toHaveBeenCalledTimes(1);
    const mutation = applyMutation.mock.calls[0][0];
    expect(mutation.type).toBe('full');
    const [acme, globex] = mutation.entities.map((e: any) => e.entity);
    expect(acme.metadata.name).toBe('defender-dockerhub-acme');
    expect(acme.spec).toEqual({
      type: 'defender-connector',
      owner: 'group:default/payments',
      system: 'payments',
    });
    expect(
      acme.metadata.annotations['microsoft.com/defender-connector-id'],
    ).toBe(connector('acme').id);
    expect(acme.metadata.links[0].url).toBe(
      `https://portal.azure.com/#@contoso.onmicrosoft.com/resource${
        connector('acme').id
      }`,
    );
    expect(globex.metadata.name).toBe('defender-dockerhub-globex');
    expect(globex.spec.owner).toBe('group:default/platform');
  });

  it('never deletes entities of a subscription that could not be listed', async () => {
    const { provider, applyMutation, connection } = setup(async () => ({
      connectors: [connector('acme')],
      failedSubscriptions: ['s2'],
    }));
    await provider.connect(connection);
    await provider.refresh();
    const mutation = applyMutation.mock.calls[0][0];
    expect(mutation).toMatchObject({ type: 'delta', removed: [] });
    expect(mutation.added).toHaveLength(1);
  });

  it('leaves the catalog untouched when listing fails entirely', async () => {
    const { provider, applyMutation, connection } = setup(async () => {
      throw new Error('ARM unavailable');
    });
    await provider.connect(connection);
    await expect(provider.refresh()).rejects.toThrow('ARM unavailable');
    expect(applyMutation).not.toHaveBeenCalled();
  });
});
