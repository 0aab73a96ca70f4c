import { AzureRole } from '../scenario/scenarioSchema';

/** One entry of a role definition's `permissions` (also the item of Permissions_List*). */
export interface RolePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

const permission = (
  actions: string[],
  notActions: string[] = [],
): RolePermission => ({
  actions,
  notActions,
  dataActions: [],
  notDataActions: [],
});

/**
 * The `permissions` of the built-in roles a scenario can assign, copied from Microsoft's published
 * role definitions (MicrosoftDocs/azure-docs `articles/role-based-access-control/built-in-roles/`
 * `general.md` (Reader), `privileged.md` (Contributor, Owner) and `security.md` (Security Admin,
 * Security Reader); role ids in the comments). Unlike Reader, Security Admin and Security Reader have
 * no read-everything wildcard. The emulator's own RBAC (`canRead`/`canWrite`) is coarser than these
 * lists; they matter to callers that evaluate them, as the scaffolder pre-flight does.
 */
export const BUILT_IN_ROLE_PERMISSIONS: Record<AzureRole, RolePermission> = {
  // acdd72a7-3385-48ef-bd42-f606fba81ae7
  Reader: permission(['*/read']),
  // 39bc4728-0917-49c7-9d2c-d95423bc2eb4
  'Security Reader': permission([
    'Microsoft.Authorization/*/read',
    'Microsoft.Insights/alertRules/read',
    'Microsoft.operationalInsights/workspaces/*/read',
    'Microsoft.Resources/deployments/*/read',
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    'Microsoft.Security/*/read',
    'Microsoft.IoTSecurity/*/read',
    'Microsoft.Support/*/read',
    'Microsoft.Security/iotDefenderSettings/packageDownloads/action',
    'Microsoft.Security/iotDefenderSettings/downloadManagerActivation/action',
    'Microsoft.Security/iotSensors/downloadResetPassword/action',
    'Microsoft.IoTSecurity/defenderSettings/packageDownloads/action',
    'Microsoft.IoTSecurity/defenderSettings/downloadManagerActivation/action',
    'Microsoft.Management/managementGroups/read',
  ]),
  // fb1c8493-542b-48eb-b624-b4c8fea62acd
  'Security Admin': permission([
    'Microsoft.Authorization/*/read',
    'Microsoft.Authorization/policyAssignments/*',
    'Microsoft.Authorization/policyDefinitions/*',
    'Microsoft.Authorization/policyExemptions/*',
    'Microsoft.Authorization/policySetDefinitions/*',
    'Microsoft.Insights/alertRules/*',
    'Microsoft.Management/managementGroups/read',
    'Microsoft.operationalInsights/workspaces/*/read',
    'Microsoft.Resources/deployments/*',
    'Microsoft.Resources/subscriptions/resourceGroups/read',
    'Microsoft.Security/*',
    'Microsoft.IoTSecurity/*',
    'Microsoft.IoTFirmwareDefense/*',
    'Microsoft.Support/*',
  ]),
  // b24988ac-6180-42a0-ab88-20f7382dd24c
  Contributor: permission(
    ['*'],
    [
      'Microsoft.Authorization/*/Delete',
      'Microsoft.Authorization/*/Write',
      'Microsoft.Authorization/elevateAccess/Action',
      'Microsoft.Blueprint/blueprintAssignments/write',
      'Microsoft.Blueprint/blueprintAssignments/delete',
      'Microsoft.Compute/galleries/share/action',
      'Microsoft.Purview/consents/write',
      'Microsoft.Purview/consents/delete',
      'Microsoft.Resources/deploymentStacks/manageDenySetting/action',
      'Microsoft.Subscription/cancel/action',
      'Microsoft.Subscription/enable/action',
    ],
  ),
  // 8e3af657-a8ff-443c-a75c-2fe8c4bcb635
  Owner: permission(['*']),
};
