import type { Entity } from '@backstage/catalog-model';
import { isDefenderForContainersAvailable } from './annotations';
import { getDefenderEntityTargets } from './readDefenderAnnotations';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
  spec: {},
});

describe('getDefenderEntityTargets', () => {
  it('splits, trims, lower-cases and de-duplicates, adding the organizations of repositories', () => {
    expect(
      getDefenderEntityTargets(
        entity({
          'microsoft.com/defender-dockerhub-organization':
            ' Acme, globex ,acme',
          'microsoft.com/defender-dockerhub-repository':
            'acme/payments-api, Initech/tps ,not-a-repo',
        }),
      ),
    ).toEqual({
      organizations: ['acme', 'globex', 'initech'],
      repositories: ['acme/payments-api', 'initech/tps'],
      connectorIds: [],
    });
  });

  it('treats missing or empty annotations as nothing', () => {
    expect(isDefenderForContainersAvailable(entity({}))).toBe(false);
    expect(
      isDefenderForContainersAvailable(
        entity({ 'microsoft.com/defender-dockerhub-organization': ' , ' }),
      ),
    ).toBe(false);
    expect(
      isDefenderForContainersAvailable(
        entity({
          'microsoft.com/defender-connector-id':
            '/subscriptions/s/resourceGroups/r/providers/Microsoft.Security/securityConnectors/c',
        }),
      ),
    ).toBe(true);
  });
});
