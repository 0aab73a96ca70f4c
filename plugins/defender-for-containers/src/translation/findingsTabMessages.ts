/** English messages of the entity page's Findings tab (`findingsTab.*`). */
export const findingsTabMessages = {
  findingsTab: {
    title: 'Findings',
  },
} as const;
