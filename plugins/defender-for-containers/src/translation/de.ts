import {
  flattenMessages,
  type DefenderForContainersMessageKey,
} from './defenderForContainersMessages';
import { cardMessagesDe } from './de/cardMessagesDe';
import { findingsMessagesDe } from './de/findingsMessagesDe';
import { overviewMessagesDe } from './de/overviewMessagesDe';
import { pickerMessagesDe } from './de/pickerMessagesDe';

/**
 * Every message in German, as the translation API loads it (dotted keys): a chunk of its own,
 * fetched only when the app's language is `de`.
 */
const de = flattenMessages({
  ...cardMessagesDe,
  ...findingsMessagesDe,
  ...overviewMessagesDe,
  ...pickerMessagesDe,
}) as Record<DefenderForContainersMessageKey, string>;

export default de;
