import { isCustomAuthorityHost } from './createAzureCredential';

describe('isCustomAuthorityHost', () => {
  it('keeps instance discovery for the public clouds only', () => {
    expect(isCustomAuthorityHost('https://login.microsoftonline.com')).toBe(
      false,
    );
    expect(isCustomAuthorityHost('https://login.microsoftonline.us/')).toBe(
      false,
    );
    expect(isCustomAuthorityHost('https://login.chinacloudapi.cn')).toBe(false);
    expect(isCustomAuthorityHost('https://127.0.0.1:8443')).toBe(true);
  });
});
