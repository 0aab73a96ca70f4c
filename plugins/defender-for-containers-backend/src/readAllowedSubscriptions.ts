import type { Config } from '@backstage/config';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';

/** The allowed subscriptions of `defenderForContainers.azure.subscriptions`, in config order. */
export function readAllowedSubscriptions(
  config: Config,
): AllowedSubscription[] {
  const entries =
    config.getOptionalConfigArray(
      'defenderForContainers.azure.subscriptions',
    ) ?? [];
  return entries.map(entry => {
    const id = entry.getString('id');
    const defaults = entry.getOptionalConfig('defaults');
    const resourceGroups = entry.getOptionalStringArray('resourceGroups') ?? [];
    const defaultResourceGroup =
      defaults?.getOptionalString('resourceGroup') ?? resourceGroups[0];
    return {
      id,
      displayName: entry.getOptionalString('displayName') ?? id,
      resourceGroups:
        defaultResourceGroup && !resourceGroups.includes(defaultResourceGroup)
          ? [defaultResourceGroup, ...resourceGroups]
          : resourceGroups,
      defaults: {
        resourceGroup: defaultResourceGroup,
        location: defaults?.getOptionalString('location'),
        scanIntervalHours: defaults?.getOptionalNumber('scanIntervalHours'),
        defenderForContainers: defaults?.getOptionalBoolean(
          'defenderForContainers',
        ),
        defenderCspm: defaults?.getOptionalBoolean('defenderCspm'),
      },
    };
  });
}
