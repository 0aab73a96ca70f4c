import type { findingsTabMessages } from '../findingsTabMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The Findings tab in German. */
export const findingsTabMessagesDe: MessagesLike<typeof findingsTabMessages> = {
  findingsTab: {
    title: 'Befunde',
  },
};
