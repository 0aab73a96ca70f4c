import {
  flattenMessages,
  type DefenderForContainersMessageKey,
} from './defenderForContainersMessages';
import { cardMessagesDe } from './de/cardMessagesDe';
import { findingsMessagesDe } from './de/findingsMessagesDe';
import { findingsTabMessagesDe } from './de/findingsTabMessagesDe';
import { overviewMessagesDe } from './de/overviewMessagesDe';
import { pickerMessagesDe } from './de/pickerMessagesDe';
import { rollupMessagesDe } from './de/rollupMessagesDe';

/**
 * Every message in German, as the translation API loads it (dotted keys): a chunk of its own,
 * fetched only when the app's language is `de`.
 */
const de = flattenMessages({
  ...cardMessagesDe,
  ...findingsMessagesDe,
  ...findingsTabMessagesDe,
  ...overviewMessagesDe,
  ...pickerMessagesDe,
  ...rollupMessagesDe,
}) as Record<DefenderForContainersMessageKey, string>;

export default de;
