/**
 * Which Azure portal opens a connector, and in which directory.
 * @public
 */
export interface AzurePortal {
  /**
   * Microsoft Entra tenant (id or domain) the connector's subscription belongs to. Without it the
   * portal opens in the user's default directory, where a connector of another tenant is "not
   * found".
   */
  tenantId?: string;
  /** Portal of the connector's cloud; default `https://portal.azure.com`. */
  baseUrl?: string;
}

/** @public */
export const DEFAULT_AZURE_PORTAL_URL = 'https://portal.azure.com';

/**
 * Azure portal link of a security connector, `{portal}/#@{tenant}/resource{id}` (the portal's
 * resource-link form). Security connectors are hidden resource types; the generic resource blade
 * opens them.
 * @public
 */
export function connectorPortalUrl(
  connectorId: string,
  portal: AzurePortal = {},
): string {
  const base = (portal.baseUrl ?? DEFAULT_AZURE_PORTAL_URL).replace(/\/+$/, '');
  return `${base}/#@${portal.tenantId ?? ''}/resource${connectorId}`;
}
