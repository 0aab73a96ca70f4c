import {
  useTranslationRef,
  type TranslationFunction,
} from '@backstage/frontend-plugin-api';
import { defenderForContainersTranslationRef } from './defenderForContainersTranslationRef';

/** The plugin's messages under their dotted keys. */
type DefenderMessages = typeof defenderForContainersTranslationRef.T;

/** `t` of the plugin's messages: for helpers that format outside components. */
export type DefenderT = TranslationFunction<DefenderMessages>;

/** `t` of the plugin's messages, in the app's language. */
export function useDefenderTranslation(): { t: DefenderT } {
  return useTranslationRef(defenderForContainersTranslationRef);
}
