import { waitFor } from '@testing-library/react';
import { axe, toHaveNoViolations } from 'jest-axe';
import { CARD_STATES } from '../../__testUtils__/cardStates';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { renderDefenderCard } from '../../__testUtils__/renderDefenderCard';

expect.extend(toHaveNoViolations);

describe('DefenderCard accessibility', () => {
  it.each(CARD_STATES.map(s => [s.name, s] as const))(
    'has no axe violations: %s',
    async (_, state) => {
      const { container } = renderDefenderCard(
        defenderApiWith({ getEntityDefender: state.answer }),
        { entity: state.entity, canRefresh: state.canRefresh },
      );
      await waitFor(
        () => expect(container.querySelector(state.ready)).not.toBeNull(),
        { timeout: 10_000 },
      );
      // jsdom computes no colours: contrast is the palette test's and the browser test's job.
      expect(await axe(container)).toHaveNoViolations();
    },
  );

  it('numbers the findings table’s columns with a header each', async () => {
    const state = CARD_STATES.find(s => s.name === 'healthy')!;
    const { container } = renderDefenderCard(
      defenderApiWith({ getEntityDefender: state.answer }),
    );
    await waitFor(() =>
      expect(container.querySelector(state.ready)).not.toBeNull(),
    );
    for (const table of container.querySelectorAll('table')) {
      const headers = table.querySelectorAll('thead th');
      expect([...headers].every(th => th.textContent?.trim())).toBe(true);
      expect(
        table.querySelector('[aria-hidden="true"] th, th[aria-hidden]'),
      ).toBeNull();
      for (const row of table.querySelectorAll('tbody tr')) {
        expect(row.children).toHaveLength(headers.length);
      }
    }
  });
});
