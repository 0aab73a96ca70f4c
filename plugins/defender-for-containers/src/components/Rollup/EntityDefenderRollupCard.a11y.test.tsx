import { waitFor } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { renderRollupCard } from './__testUtils__/renderRollupCard';
import { ROLLUP_STATES } from './__testUtils__/rollupStates';

expect.extend(toHaveNoViolations);
jest.setTimeout(20_000);

describe('EntityDefenderRollupCard accessibility', () => {
  it.each(ROLLUP_STATES.map(s => [s.name, s] as const))(
    'has no axe violations: %s',
    async (_, state) => {
      const { container } = await renderRollupCard(
        defenderApiWith({
          getEntityRollup: (_ref, options) => state.answer(!!options?.children),
        }),
        { entity: state.entity, url: state.url },
      );
      await waitFor(
        () => expect(container.querySelector(state.ready)).not.toBeNull(),
        { timeout: 10_000 },
      );
      // jsdom computes no colours: contrast is the palette test's and the browser test's job.
      expect(await axe(container)).toHaveNoViolations();
    },
  );
});
