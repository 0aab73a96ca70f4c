import type { DefenderApi } from '../api/DefenderApi';

/** A `DefenderApi` whose unlisted methods are bare `jest.fn()`s: a test states what it answers. */
export function defenderApiWith(partial: Partial<DefenderApi>): DefenderApi {
  return {
    listAllowedSubscriptions: jest.fn(),
    getEntityDefender: jest.fn(),
    listConnectors: jest.fn(),
    listConnectorOwners: jest.fn(),
    refreshConnector: jest.fn(),
    getEntityFindings: jest.fn(),
    getEntityRollup: jest.fn(),
    getOwnerRollup: jest.fn(),
    ...partial,
  } as DefenderApi;
}
