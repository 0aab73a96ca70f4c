import type { ArmHandler } from './ArmCall';
import { healthReportHandlers } from './healthReportHandlers';
import { pricingHandlers } from './pricingHandlers';
import { resourceGraphHandlers } from './resourceGraphHandlers';
import { securityConnectorHandlers } from './securityConnectorHandlers';

/** How handleArm admits a spec'd operation before its handler runs. */
export interface OperationRules {
  handler: ArmHandler;
  /** RBAC action; `write` operations need a writing role. */
  action: string;
  write?: boolean;
  /** What Azure accepts for the type, quoted in NoRegisteredProviderFound. */
  azureApiVersions: string[];
  type: string;
}

// The api-versions Azure/azure-rest-api-specs publishes per type (specification/security, resourcegraph).
const CONNECTOR_VERSIONS = [
  '2021-07-01-preview',
  '2021-12-01-preview',
  '2022-05-01-preview',
  '2022-08-01-preview',
  '2023-03-01-preview',
  '2023-10-01-preview',
  '2024-03-01-preview',
  '2024-07-01-preview',
  '2024-08-01-preview',
];
const HEALTH_VERSIONS = ['2023-02-01-preview', '2023-05-01-preview'];
const PRICING_VERSIONS = [
  '2018-06-01',
  '2022-03-01',
  '2023-01-01',
  '2024-01-01',
];
const ARG_VERSIONS = ['2019-04-01', '2021-03-01', '2022-10-01', '2024-04-01'];

const connector = (
  handler: ArmHandler,
  verb: string,
  write = false,
): OperationRules => ({
  handler,
  action: `Microsoft.Security/securityConnectors/${verb}`,
  write,
  azureApiVersions: CONNECTOR_VERSIONS,
  type: 'securityConnectors',
});

export const ARM_OPERATIONS: Record<string, OperationRules> = {
  SecurityConnectors_List: connector(securityConnectorHandlers.list, 'read'),
  SecurityConnectors_ListByResourceGroup: connector(
    securityConnectorHandlers.list,
    'read',
  ),
  SecurityConnectors_Get: connector(securityConnectorHandlers.get, 'read'),
  SecurityConnectors_CreateOrUpdate: connector(
    securityConnectorHandlers.put,
    'write',
    true,
  ),
  SecurityConnectors_Update: connector(
    securityConnectorHandlers.patch,
    'write',
    true,
  ),
  SecurityConnectors_Delete: connector(
    securityConnectorHandlers.delete,
    'delete',
    true,
  ),
  HealthReports_List: {
    handler: healthReportHandlers.list,
    action: 'Microsoft.Security/healthReports/read',
    azureApiVersions: HEALTH_VERSIONS,
    type: 'healthReports',
  },
  HealthReports_Get: {
    handler: healthReportHandlers.get,
    action: 'Microsoft.Security/healthReports/read',
    azureApiVersions: HEALTH_VERSIONS,
    type: 'healthReports',
  },
  Pricings_Get: {
    handler: pricingHandlers.get,
    action: 'Microsoft.Security/pricings/read',
    azureApiVersions: PRICING_VERSIONS,
    type: 'pricings',
  },
  Pricings_List: {
    handler: pricingHandlers.list,
    action: 'Microsoft.Security/pricings/read',
    azureApiVersions: PRICING_VERSIONS,
    type: 'pricings',
  },
  Resources: {
    handler: resourceGraphHandlers.query,
    action: 'Microsoft.ResourceGraph/resources/read',
    azureApiVersions: ARG_VERSIONS,
    type: 'resources',
  },
};

/** Route names fault specs may use for an operation id. */
export function armRouteNames(operationId: string): string[] {
  const rules = ARM_OPERATIONS[operationId];
  const names = [operationId];
  if (rules) names.push(rules.type);
  if (operationId === 'Resources') names.push('resourceGraph');
  return names;
}
