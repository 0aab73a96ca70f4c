/**
 * Local emulator of the Azure Resource Manager (Microsoft.Security connectors, health reports,
 * pricings, provider registration, Resource Graph, Entra token endpoint) and Docker Hub endpoints
 * used by the Defender for Containers plugins, validated against the official specs.
 *
 * @packageDocumentation
 */
export {
  startEmulator,
  loadSpecs,
  DEMO_SCENARIO,
  SPEC_DIR,
} from './startEmulator';
export type {
  Emulator,
  EmulatorUrls,
  EmulatorStateSnapshot,
  StartEmulatorOptions,
} from './startEmulator';
export type { FaultSpec, FaultKind, FaultStatus } from './faults/FaultInjector';
export { FAULT_STATUSES } from './faults/FaultInjector';
export type { RequestLogEntry } from './state/EmulatorState';
export {
  scenarioSchema,
  azureRoleSchema,
  findingsSchema,
} from './scenario/scenarioSchema';
export type {
  Scenario,
  ScenarioInput,
  AzureRole,
  Findings,
} from './scenario/scenarioSchema';
export {
  parseScenario,
  readScenarioFile,
  ScenarioError,
} from './scenario/loadScenario';
export { trustedClientOptions, trustedCaList } from './trustedClientOptions';
export { QUERY_TEMPLATES, normalizeQuery } from './arm/resourceGraphQueries';
export { SpecRegistry } from './spec/SpecRegistry';
export type {
  ValidationIssue,
  SpecSource,
  SpecOperation,
  ResponseRoute,
  RequestInput,
} from './spec/SpecRegistry';
export type { JsonObject } from './spec/convertSchemaNode';
