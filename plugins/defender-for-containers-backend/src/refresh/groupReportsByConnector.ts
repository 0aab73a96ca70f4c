const REPORTS_PATH = '/providers/microsoft.security/healthreports/';

/**
 * The subscription's health reports by connector: a report belongs to the connector its
 * `resourceDetails.id` names, or under whose id it lives. Grouped once, so matching stays linear
 * with thousands of connectors (a filter per connector was quadratic).
 */
export function groupReportsByConnector<
  R extends { id?: string; properties?: { resourceDetails?: { id?: string } } },
>(reports: R[]): (connectorId: string) => R[] {
  const byConnector = new Map<string, R[]>();
  for (const report of reports) {
    const keys = new Set<string>();
    const named = report.properties?.resourceDetails?.id?.toLowerCase();
    if (named) keys.add(named);
    const id = report.id?.toLowerCase();
    const at = id?.indexOf(REPORTS_PATH) ?? -1;
    if (id && at > 0) keys.add(id.slice(0, at));
    for (const key of keys) {
      const list = byConnector.get(key);
      if (list) list.push(report);
      else byConnector.set(key, [report]);
    }
  }
  return connectorId => byConnector.get(connectorId.toLowerCase()) ?? [];
}
