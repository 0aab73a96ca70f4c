import type { ArmPermission } from '@defender-backstage/plugin-defender-for-containers-node';

function matches(pattern: string, action: string) {
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map(p => p.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
      .join('.*')}$`,
    'i',
  );
  return re.test(action);
}

/**
 * Azure RBAC: an action is granted by some `actions` pattern of a permission and not removed by
 * its `notActions`; `*` matches any run of characters, case-insensitively
 * (https://learn.microsoft.com/en-us/azure/role-based-access-control/role-definitions#actions).
 */
export function permits(permissions: ArmPermission[], action: string) {
  return permissions.some(
    p =>
      p.actions.some(a => matches(a, action)) &&
      !p.notActions.some(a => matches(a, action)),
  );
}
