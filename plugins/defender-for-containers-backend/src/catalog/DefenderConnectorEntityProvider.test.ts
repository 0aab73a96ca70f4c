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

function setup(
  listing: () => Promise<any>,
  { defaultOwner }: { defaultOwner?: string } = {
    defaultOwner: 'group:default/platform',
  },
) {
  const applyMutation = jest.fn();
  const logger = mockServices.logger.mock();
  const provider = new DefenderConnectorEntityProvider({
    listConnectors: listing,
    defaultOwner,
    portal: { tenantId: 'contoso.onmicrosoft.com' },
    logger,
  });
  return {
    provider,
    applyMutation,
    logger,
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

  it('without a default owner, leaves ownerless connectors out and names each once', async () => {
    const { provider, applyMutation, connection, logger } = setup(
      async () => ({
        connectors: [
          connector('acme', { 'backstage-owner': 'group:default/payments' }),
          connector('globex'),
          connector('initech', { 'backstage-owner': 'not a ref!' }),
        ],
        failedSubscriptions: [],
      }),
      {},
    );
    await provider.connect(connection);
    await provider.refresh();
    await provider.refresh();

    const names = applyMutation.mock.calls[1][0].entities.map(
      (e: any) => e.entity.metadata.name,
    );
    expect(names).toEqual(['defender-dockerhub-acme']);
    const warnings = logger.warn.mock.calls.map(([m]) => String(m));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('Docker Hub globex');
    expect(warnings[1]).toContain('Docker Hub initech');
    for (const warning of warnings) {
      expect(warning).toContain('defenderForContainers.catalog.defaultOwner');
      expect(warning).toContain('backstage-owner');
    }
    // Nothing anywhere falls back to create-app's example group.
    expect(JSON.stringify(applyMutation.mock.calls)).not.toContain('guests');
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
