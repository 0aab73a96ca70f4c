import type {
  AllowedSubscription,
  AzureTarget,
} from '@defender-backstage/plugin-defender-for-containers-common';

/** The form value after choosing a subscription: its defaults fill what the user has not set. */
export function applySubscriptionDefaults(
  subscription: AllowedSubscription,
  current: Partial<AzureTarget> | undefined,
): Partial<AzureTarget> {
  return {
    subscriptionId: subscription.id,
    resourceGroup:
      current?.resourceGroup &&
      subscription.resourceGroups.includes(current.resourceGroup)
        ? current.resourceGroup
        : subscription.defaults.resourceGroup ?? subscription.resourceGroups[0],
    location: current?.location || subscription.defaults.location,
  };
}
