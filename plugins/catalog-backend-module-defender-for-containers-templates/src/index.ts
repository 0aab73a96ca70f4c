/**
 * The software templates of the Microsoft Defender for Containers × Docker Hub plugins, and the
 * catalog module that registers them.
 *
 * @packageDocumentation
 */
export { catalogModuleDefenderForContainersTemplates as default } from './module';
