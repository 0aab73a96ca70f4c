import { InputError } from '@backstage/errors';
import { parseOffboardingInput } from './parseOffboardingInput';

const SUB = '00000000-0000-0000-0000-000000000001';
const allowed = [
  {
    id: SUB,
    displayName: 'Production',
    resourceGroups: ['rg'],
    defaults: { resourceGroup: 'rg' },
  },
];

describe('parseOffboardingInput', () => {
  it('requires the organization name typed as confirmation', () => {
    expect(() =>
      parseOffboardingInput({ organization: 'acme' }, allowed),
    ).toThrow("type the organization name 'acme' in confirmation");
    expect(() =>
      parseOffboardingInput(
        { organization: 'acme', confirmation: 'ACME' },
        allowed,
      ),
    ).toThrow(InputError);
    expect(
      parseOffboardingInput(
        { organization: 'acme', confirmation: 'acme' },
        allowed,
      ),
    ).toEqual({
      organization: 'acme',
    });
  });

  it('builds the connector id from subscription defaults, or takes an allowed id', () => {
    expect(
      parseOffboardingInput(
        { organization: 'acme', confirmation: 'acme', subscriptionId: SUB },
        allowed,
      ).connectorId,
    ).toBe(
      `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
    );
    expect(() =>
      parseOffboardingInput(
        {
          organization: 'acme',
          confirmation: 'acme',
          connectorId:
            '/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/x',
        },
        allowed,
      ),
    ).toThrow(
      `connectorId /subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/x is refused: subscriptionId 11111111-1111-1111-1111-111111111111 is not allowed: this Backstage manages connectors only in Production (${SUB})`,
    );
    expect(() =>
      parseOffboardingInput(
        { organization: 'acme', confirmation: 'acme', connectorId: 'x' },
        allowed,
      ),
    ).toThrow('connectorId is not a security connector id');
  });
});
