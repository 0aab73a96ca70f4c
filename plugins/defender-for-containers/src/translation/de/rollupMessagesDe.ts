import type { rollupMessages } from '../rollupMessages';
import type { MessagesLike } from '../defenderForContainersMessages';

/** The roll-up card and the overview's owner view in German. */
export const rollupMessagesDe: MessagesLike<typeof rollupMessages> = {
  rollup: {
    title: 'Defender for Containers',
  },
};
