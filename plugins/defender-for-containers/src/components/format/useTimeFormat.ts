import { useMemo } from 'react';
import { coreApis, useApiHolder } from '@backstage/frontend-plugin-api';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { absoluteTime, localDate, relativeTime } from './relativeTime';

/**
 * The app's language (Settings → Language), falling back to the browser's when an app has no
 * language API: dates and relative times are written the way the reader reads the rest.
 */
export function useAppLanguage(): string {
  const languageApi = useApiHolder().get(coreApis.appLanguage);
  return languageApi?.getLanguage().language ?? navigator.language ?? 'en';
}

/** Relative times, dates and date-times in the app's language. */
export function useTimeFormat() {
  const language = useAppLanguage();
  const { t } = useDefenderTranslation();
  return useMemo(() => {
    const words = { justNow: t('time.justNow'), never: t('time.never') };
    return {
      language,
      relative: (iso: string | undefined) =>
        relativeTime(iso, Date.now(), language, words),
      absolute: (iso: string | undefined) => absoluteTime(iso, language),
      date: (iso: string | undefined) => localDate(iso, language),
    };
  }, [language, t]);
}
