import { isPermission } from '@backstage/plugin-permission-common';
import {
  connectorCreatePermission,
  connectorDeletePermission,
  connectorReadPermission,
  connectorRefreshPermission,
  defenderForContainersPermissions,
} from './permissions';

describe('Defender for Containers permissions', () => {
  it('are basic permissions with stable names, all in the exported list', () => {
    expect(defenderForContainersPermissions.map(p => [p.type, p.name])).toEqual(
      [
        ['basic', 'defender-for-containers.connector.read'],
        ['basic', 'defender-for-containers.connector.refresh'],
        ['basic', 'defender-for-containers.connector.create'],
        ['basic', 'defender-for-containers.connector.delete'],
      ],
    );
  });

  it('carry the action attribute policies group permissions by', () => {
    expect(connectorReadPermission.attributes).toEqual({ action: 'read' });
    expect(connectorRefreshPermission.attributes).toEqual({});
    expect(connectorCreatePermission.attributes).toEqual({ action: 'create' });
    expect(connectorDeletePermission.attributes).toEqual({ action: 'delete' });
    expect(
      isPermission(connectorCreatePermission, connectorCreatePermission),
    ).toBe(true);
    expect(
      isPermission(connectorCreatePermission, connectorDeletePermission),
    ).toBe(false);
  });
});
