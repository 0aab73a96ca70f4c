import {
  formatSecurityConnectorId,
  parseSecurityConnectorId,
  requireSecurityConnectorId,
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

  it('checks an id strictly before anything is built from it', () => {
    const SUB = '00000000-0000-0000-0000-000000000001';
    const parts = { subscriptionId: SUB, resourceGroup: 'rg', name: 'dh-acme' };
    const id = formatSecurityConnectorId(parts);
    expect(requireSecurityConnectorId(id)).toEqual(parts);
    expect(requireSecurityConnectorId(id.toLowerCase())).toEqual(parts);
    for (const bad of [
      formatSecurityConnectorId({ ...parts, subscriptionId: 's' }),
      formatSecurityConnectorId({ ...parts, resourceGroup: 'r g' }),
      formatSecurityConnectorId({ ...parts, name: '..' }),
      formatSecurityConnectorId({ ...parts, name: 'x'.repeat(600) }),
      `${id}/extra`,
      `https://elsewhere.example${id}`,
    ]) {
      expect(() => requireSecurityConnectorId(bad)).toThrow(
        new TypeError(`'${bad}' is not a security connector id`),
      );
    }
  });
});
