import {
  formatSecurityConnectorId,
  parseSecurityConnectorId,
  sameArmId,
} from './securityConnectorId';

describe('security connector ids', () => {
  it('round-trips and accepts the lower-case spelling ARM sometimes returns', () => {
    const parts = {
      subscriptionId: 's',
      resourceGroup: 'rg',
      name: 'dockerhub-acme',
    };
    const id = formatSecurityConnectorId(parts);
    expect(parseSecurityConnectorId(id)).toEqual(parts);
    expect(parseSecurityConnectorId(id.toLowerCase())).toEqual(parts);
    expect(sameArmId(id, id.toLowerCase())).toBe(true);
    expect(() => parseSecurityConnectorId('/subscriptions/s')).toThrow(
      TypeError,
    );
  });
});
