/** Token audience per sovereign ARM host. */
const SOVEREIGN_SCOPES: Record<string, string> = {
  'management.usgovcloudapi.net':
    'https://management.usgovcloudapi.net/.default',
  'management.chinacloudapi.cn': 'https://management.chinacloudapi.cn/.default',
};
const PUBLIC_SCOPE = 'https://management.azure.com/.default';

/**
 * The token scope for an ARM endpoint. Any host that is not a sovereign cloud's (an emulator, a
 * proxy) keeps the public cloud's audience: the token is what the real ARM would accept.
 */
export function armTokenScope(armEndpoint: string): string {
  return SOVEREIGN_SCOPES[new URL(armEndpoint).host] ?? PUBLIC_SCOPE;
}
