import { createApiRef } from '@backstage/frontend-plugin-api';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * What the frontend asks the Defender for Containers backend.
 * @public
 */
export interface DefenderApi {
  /** The subscriptions the backend may onboard into, with their resource groups and defaults. */
  listAllowedSubscriptions(): Promise<AllowedSubscription[]>;
}

/** @public */
export const defenderApiRef = createApiRef<DefenderApi>().with({
  id: 'plugin.defender-for-containers.service',
  pluginId: 'defender-for-containers',
});
