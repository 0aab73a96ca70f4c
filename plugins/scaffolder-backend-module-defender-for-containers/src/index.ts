/**
 * Scaffolder actions that validate, onboard and offboard Docker Hub organizations to Microsoft
 * Defender for Containers: `defender:dockerhub:validate`, `defender:dockerhub:onboard`,
 * `defender:dockerhub:offboard`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleDefenderForContainers as default } from './module';
export { createDockerHubValidateAction } from './actions/createDockerHubValidateAction';
export { createDockerHubOnboardAction } from './actions/createDockerHubOnboardAction';
export { createDockerHubOffboardAction } from './actions/createDockerHubOffboardAction';
export type { DefenderActionsOptions } from './actions/DefenderActionsOptions';
export type { WriteScopedTokenPolicy } from './input/parseOnboardingInput';
