/**
 * An Azure subscription the backend may onboard connectors into, with the choices and defaults the
 * onboarding form offers. Served by `GET /api/defender-for-containers/azure/subscriptions`.
 * @public
 */
export interface AllowedSubscription {
  id: string;
  displayName: string;
  resourceGroups: string[];
  defaults: {
    resourceGroup?: string;
    location?: string;
    scanIntervalHours?: number;
    defenderForContainers?: boolean;
    defenderCspm?: boolean;
  };
}

/**
 * The value of the `DefenderAzureTargetPicker` form field.
 * @public
 */
export interface AzureTarget {
  subscriptionId: string;
  resourceGroup: string;
  location: string;
}
