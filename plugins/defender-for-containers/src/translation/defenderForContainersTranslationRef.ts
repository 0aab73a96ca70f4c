import { createTranslationRef } from '@backstage/frontend-plugin-api';
import { defenderForContainersMessages } from './defenderForContainersMessages';

/**
 * Every message of the entity card, the overview page and the onboarding form's Azure target
 * picker (id `defender-for-containers`). An app overrides single messages with
 * `createTranslationMessages({ ref: defenderForContainersTranslationRef, messages: {…} })`, or
 * adds a language with `createTranslationResource`. German ships with the plugin and is loaded
 * only when the app's language is `de`.
 *
 * @public
 */
export const defenderForContainersTranslationRef = createTranslationRef({
  id: 'defender-for-containers',
  messages: defenderForContainersMessages,
  translations: {
    de: () => import('./de'),
  },
});
