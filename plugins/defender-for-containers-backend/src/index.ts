/**
 * Backend plugin and catalog module of the Defender for Containers × Docker Hub plugins.
 *
 * @packageDocumentation
 */
export { defenderForContainersPlugin as default } from './plugin';
export { catalogModuleDefenderConnectors } from './catalog/catalogModuleDefenderConnectors';
