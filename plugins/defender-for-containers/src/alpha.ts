/**
 * The plugin for Backstage's new frontend system, where the community convention puts it
 * (`@…/plugin-defender-for-containers/alpha`); the package's default export is the same object,
 * so an app that discovers both entry points installs it once. The translation ref and the
 * German resource are here too, where Backstage's own plugins export theirs.
 *
 * @packageDocumentation
 */
export { default } from './index';
export { defenderForContainersTranslationRef } from './translation/defenderForContainersTranslationRef';
export { defenderForContainersTranslations } from './translation/defenderForContainersTranslations';
