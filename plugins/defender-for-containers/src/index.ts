/**
 * Microsoft Defender for Containers × Docker Hub: the entity card, the entity page's Findings tab,
 * the connectors overview page, the API client and the onboarding form's Azure target picker.
 *
 * The default export is the plugin for Backstage's new frontend system (also at `./alpha`).
 * The named `defenderForContainersPlugin`, `EntityDefenderForContainersCard`,
 * `EntityDefenderFindingsContent`, `EntityDefenderRollupCard`, `DefenderForContainersPage` and
 * `DefenderAzureTargetPickerFieldExtension` are for apps on the legacy frontend system.
 *
 * @packageDocumentation
 */
export { defenderForContainersFrontendPlugin as default } from './plugin';
export * from './api/DefenderApi';
export * from './api/DefenderClient';
export {
  defenderForContainersPlugin,
  defenderForContainersRouteRef,
  legacyOnboardingTemplateRouteRef,
  legacyRotateTemplateRouteRef,
  EntityDefenderForContainersCard,
  EntityDefenderFindingsContent,
  DefenderForContainersPage,
} from './legacy/plugin';
export { DefenderAzureTargetPickerFieldExtension } from './legacy/DefenderAzureTargetPickerFieldExtension';
export {
  EntityDefenderRollupCard,
  isDefenderRollupAvailable,
} from './legacy/LegacyDefenderRollupCard';
export type { DefenderRollupCardProps } from './legacy/LegacyDefenderRollupCard';
export type { DefenderCardProps } from './components/DefenderCard/DefenderCard';
export { onboardingTemplateRouteRef, rotateTemplateRouteRef } from './routes';
export { defenderForContainersTranslationRef } from './translation/defenderForContainersTranslationRef';
export { defenderForContainersTranslations } from './translation/defenderForContainersTranslations';
/**
 * The card's and the Findings tab's filter, the legacy `EntitySwitch` condition and the `if` of
 * the legacy `EntityLayout.Route`.
 */
export { isDefenderForContainersAvailable } from '@defender-backstage/plugin-defender-for-containers-common';
