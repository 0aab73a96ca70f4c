import { createPermission } from '@backstage/plugin-permission-common';

// Basic permissions, not resource permissions: a connector is an ARM resource, not a catalog
// entity, so there is no resourceRef the permission backend could load to evaluate conditions.
// A policy decides by who asks (e.g. group membership), not by which connector.

/**
 * Read a Docker Hub connector's health and findings.
 * @public
 */
export const connectorReadPermission = createPermission({
  name: 'defender-for-containers.connector.read',
  attributes: { action: 'read' },
});

/**
 * Ask Defender to refresh a connector's health now, instead of at the next scheduled read.
 * @public
 */
export const connectorRefreshPermission = createPermission({
  name: 'defender-for-containers.connector.refresh',
  attributes: {},
});

/**
 * Create or update a connector: onboard, rotate its token, validate an onboarding, and list the
 * subscriptions the onboarding form offers.
 * @public
 */
export const connectorCreatePermission = createPermission({
  name: 'defender-for-containers.connector.create',
  attributes: { action: 'create' },
});

/**
 * Delete a connector (offboard an organization).
 * @public
 */
export const connectorDeletePermission = createPermission({
  name: 'defender-for-containers.connector.delete',
  attributes: { action: 'delete' },
});

/**
 * Every permission of the Defender for Containers plugins, for the permission registry.
 * @public
 */
export const defenderForContainersPermissions = [
  connectorReadPermission,
  connectorRefreshPermission,
  connectorCreatePermission,
  connectorDeletePermission,
];
