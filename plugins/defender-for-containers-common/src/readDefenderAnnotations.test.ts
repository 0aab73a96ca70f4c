import type { Entity } from '@backstage/catalog-model';
import { isDefenderForContainersAvailable } from './annotations';
import {
  getDefenderEntityTargets,
  readConnectorId,
  readDefenderAnnotations,
} from './readDefenderAnnotations';

const ORG = 'microsoft.com/defender-dockerhub-organization';
const REPO = 'microsoft.com/defender-dockerhub-repository';
const ID = 'microsoft.com/defender-connector-id';
const SUB = 'aaaaaaaa-0000-0000-0000-000000000001';
const connectorId = (name = 'dockerhub-acme') =>
  `/subscriptions/${SUB}/resourceGroups/rg-sec/providers/Microsoft.Security/securityConnectors/${name}`;

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
  spec: {},
});

describe('readDefenderAnnotations', () => {
  it('keeps valid values, lower-cased and de-duplicated, and adds the organizations of repositories', () => {
    const reading = readDefenderAnnotations(
      entity({
        [ORG]: ' Acme, globex ,acme',
        [REPO]: 'acme/payments-api, Initech/TPS.report',
        [ID]: `${connectorId()}, ${connectorId()
          .toUpperCase()
          .replace('/SUBSCRIPTIONS/', '/subscriptions/')}`,
      }),
    );
    expect(reading).toEqual({
      organizations: ['acme', 'globex', 'initech'],
      namedOrganizations: ['acme', 'globex'],
      repositories: ['acme/payments-api', 'initech/tps.report'],
      connectorIds: [connectorId()],
      ignored: [],
    });
  });

  it('ignores malformed values with a reason each, and never throws', () => {
    const { organizations, repositories, connectorIds, ignored } =
      readDefenderAnnotations(
        entity({
          [ORG]: 'acme, a, -dash, acme corp, аcme',
          [REPO]:
            'not-a-repo, acme/api:1.0, acme/api@sha256:abc, a/b/c, acme/Bad__name, acme/ok',
          [ID]: `/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c, https://evil.example/x, ${connectorId()}`,
        }),
      );
    expect(organizations).toEqual(['acme']);
    expect(repositories).toEqual(['acme/ok']);
    expect(connectorIds).toEqual([connectorId()]);
    expect(ignored.map(i => [i.annotation, i.value])).toEqual([
      [ORG, 'a'],
      [ORG, '-dash'],
      [ORG, 'acme corp'],
      [ORG, 'аcme'],
      [REPO, 'not-a-repo'],
      [REPO, 'acme/api:1.0'],
      [REPO, 'acme/api@sha256:abc'],
      [REPO, 'a/b/c'],
      [REPO, 'acme/Bad__name'],
      [
        ID,
        '/subscriptions/not-a-guid/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c',
      ],
      [ID, 'https://evil.example/x'],
    ]);
    expect(ignored[3].reason).toMatch(/non-ASCII/);
    expect(ignored[5].reason).toMatch(/without a tag/);
    expect(ignored.every(i => i.reason.length > 0)).toBe(true);
  });

  it('does not read oversized annotations and caps the number of values', () => {
    const huge = 'a'.repeat(5000);
    const many = Array.from({ length: 60 }, (_, i) => `org${i}`).join(',');
    const reading = readDefenderAnnotations(
      entity({ [ORG]: many, [REPO]: huge }),
    );
    expect(reading.organizations).toHaveLength(50);
    expect(reading.repositories).toEqual([]);
    expect(reading.ignored).toEqual([
      expect.objectContaining({
        annotation: ORG,
        reason: expect.stringContaining('10 more values ignored'),
      }),
      expect.objectContaining({
        annotation: REPO,
        reason: expect.stringContaining('5000 characters'),
      }),
    ]);
    // a 5000-character value is not echoed back whole
    expect(reading.ignored[1].value.length).toBeLessThanOrEqual(201);
  });

  it('getDefenderEntityTargets returns only the checked values', () => {
    expect(
      getDefenderEntityTargets(
        entity({ [REPO]: 'acme/api, nope', [ID]: 'nope' }),
      ),
    ).toEqual({
      organizations: ['acme'],
      repositories: ['acme/api'],
      connectorIds: [],
    });
  });
});

describe('readConnectorId', () => {
  it('parses connector ids and refuses anything else', () => {
    expect(readConnectorId(connectorId())).toEqual({
      subscriptionId: SUB,
      resourceGroup: 'rg-sec',
      name: 'dockerhub-acme',
    });
    expect(readConnectorId(`${connectorId()}/extra`)).toBeUndefined();
    expect(readConnectorId(connectorId('../x'))).toBeUndefined();
    expect(readConnectorId(connectorId().replace(SUB, 'sub'))).toBeUndefined();
    expect(readConnectorId(connectorId('x'.repeat(600)))).toBeUndefined();
  });
});

describe('isDefenderForContainersAvailable with malformed values', () => {
  it('still shows the card, so it can say what to fix', () => {
    const e = entity({ [REPO]: 'not a repo' });
    expect(isDefenderForContainersAvailable(e)).toBe(true);
    expect(readDefenderAnnotations(e).ignored).toHaveLength(1);
  });
});
