import { connectorPortalUrl } from './connectorPortalUrl';

const ID =
  '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme';

describe('connectorPortalUrl', () => {
  it('opens the connector in the tenant it belongs to when that is known', () => {
    expect(
      connectorPortalUrl(ID, {
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      }),
    ).toBe(
      `https://portal.azure.com/#@72f988bf-86f1-41af-91ab-2d7cd011db47/resource${ID}`,
    );
    expect(
      connectorPortalUrl(ID, { tenantId: 'contoso.onmicrosoft.com' }),
    ).toBe(`https://portal.azure.com/#@contoso.onmicrosoft.com/resource${ID}`);
  });

  it("without a tenant, the user's default directory", () => {
    expect(connectorPortalUrl(ID)).toBe(
      `https://portal.azure.com/#@/resource${ID}`,
    );
  });

  it("a sovereign cloud's portal", () => {
    expect(
      connectorPortalUrl(ID, {
        baseUrl: 'https://portal.azure.us/',
        tenantId: 't',
      }),
    ).toBe(`https://portal.azure.us/#@t/resource${ID}`);
  });
});
