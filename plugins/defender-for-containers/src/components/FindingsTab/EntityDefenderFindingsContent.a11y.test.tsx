import { waitFor } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { FINDINGS_TAB_STATES } from '../../__testUtils__/findingsTabStates';
import { renderFindingsTab } from '../../__testUtils__/renderFindingsTab';

expect.extend(toHaveNoViolations);

describe('EntityDefenderFindingsContent accessibility', () => {
  it.each(FINDINGS_TAB_STATES.map(s => [s.name, s] as const))(
    'has no axe violations: %s',
    async (_, state) => {
      const { container } = renderFindingsTab(state.api(), { url: state.url });
      await waitFor(
        () => expect(container.querySelector(state.ready)).not.toBeNull(),
        { timeout: 10_000 },
      );
      // jsdom computes no colours: contrast is the palette test's and the browser test's job.
      expect(await axe(container)).toHaveNoViolations();
    },
  );
});
