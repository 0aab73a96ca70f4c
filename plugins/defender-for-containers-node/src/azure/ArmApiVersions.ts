/**
 * api-versions sent per resource type. `@azure/arm-security@5` sends securityConnectors requests
 * with a fixed 2021-07-01-preview, whose model has no Docker Hub fields, and has no healthReports
 * operations at all, so those requests are built by hand and sent through its pipeline with these
 * versions. Resource Graph goes through `@azure/arm-resourcegraph`, pinned to `resourceGraph`.
 * @public
 */
export interface ArmApiVersions {
  securityConnectors: string;
  healthReports: string;
  pricings: string;
  providers: string;
  permissions: string;
  resourceGraph: string;
}

/** @public */
export const DEFAULT_ARM_API_VERSIONS: ArmApiVersions = {
  securityConnectors: '2024-08-01-preview',
  healthReports: '2023-05-01-preview',
  pricings: '2024-01-01',
  providers: '2021-04-01',
  permissions: '2022-04-01',
  resourceGraph: '2024-04-01',
};
