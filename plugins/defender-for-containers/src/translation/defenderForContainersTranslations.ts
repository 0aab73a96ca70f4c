import { createTranslationResource } from '@backstage/frontend-plugin-api';
import { defenderForContainersTranslationRef } from './defenderForContainersTranslationRef';

/**
 * The plugin's German messages as a translation resource. The translation ref already loads
 * them when the app's language is `de`; this is for apps that list their translation resources
 * themselves, and the pattern for an app that adds another language.
 *
 * @public
 */
export const defenderForContainersTranslations = createTranslationResource({
  ref: defenderForContainersTranslationRef,
  translations: {
    de: () => import('./de'),
  },
});
