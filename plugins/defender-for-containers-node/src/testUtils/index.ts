/**
 * Test harness of the Defender for Containers plugins: the Azure + Docker Hub emulator with the
 * real ARM and Docker Hub clients built against it from config, and the ids of the test worlds.
 * A separate entry point (`@defender-backstage/plugin-defender-for-containers-node/testUtils`),
 * never part of the main one: it needs `@defender-backstage/azure-dockerhub-emulator`.
 *
 * @packageDocumentation
 */
export {
  registerDefenderTestEmulatorHooks,
  startDefenderTestEmulator,
  type DefenderTestEmulator,
  type DefenderTestEmulatorOptions,
  type ObservedExchange,
} from './startDefenderTestEmulator';
export * from './testScenario';
export { defenderTestConfig } from './defenderTestConfig';
export { callMcp, listMcpToolNames, type McpAnswer } from './callMcp';
export {
  FAULT_NAMES,
  FAULT_SEED,
  STACK_FRAME,
  Tally,
  faultSpec,
  seededRandom,
  type FaultName,
} from './seededFaults';
