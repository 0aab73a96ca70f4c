/**
 * Azure portal link of a security connector (security connectors are hidden resource types; the
 * generic resource blade opens them).
 * @public
 */
export function connectorPortalUrl(connectorId: string): string {
  return `https://portal.azure.com/#@/resource${connectorId}`;
}
