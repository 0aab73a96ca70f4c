import { screen, waitFor } from '@testing-library/react';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { englishLeftIn, whatItSays } from './__testUtils__/englishLeftIn';
import { renderRollupCard } from './__testUtils__/renderRollupCard';
import { ROLLUP_STATES } from './__testUtils__/rollupStates';

jest.setTimeout(20_000);

const render = (state: (typeof ROLLUP_STATES)[number], language: string) =>
  renderRollupCard(
    defenderApiWith({
      getEntityRollup: (_ref, options) => state.answer(!!options?.children),
    }),
    { entity: state.entity, url: state.url, language },
  );

describe('EntityDefenderRollupCard in German', () => {
  it('would notice English: the same check finds it on the English card', async () => {
    const state = ROLLUP_STATES.find(s =>
      s.name.startsWith('group with child'),
    )!;
    const { container } = await render(state, 'en');
    await waitFor(() =>
      expect(container.querySelector(state.ready)).not.toBeNull(),
    );
    expect(englishLeftIn(whatItSays(container)).length).toBeGreaterThan(10);
  });

  it.each(ROLLUP_STATES.map(s => [s.name, s] as const))(
    'says nothing in English: %s',
    async (_, state) => {
      const { container } = await render(state, 'de');
      await waitFor(
        () => expect(container.querySelector(state.ready)).not.toBeNull(),
        { timeout: 10_000 },
      );
      expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
        'Defender for Containers',
      );
      expect(englishLeftIn(whatItSays(container))).toEqual([]);
    },
  );
});
