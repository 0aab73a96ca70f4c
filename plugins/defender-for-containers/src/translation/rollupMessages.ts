/** English messages of the Group and System roll-up card and the overview's owner view (`rollup.*`). */
export const rollupMessages = {
  rollup: {
    title: 'Defender for Containers',
  },
} as const;
