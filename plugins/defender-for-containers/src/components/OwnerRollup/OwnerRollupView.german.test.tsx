import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  englishLeftIn,
  whatItSays,
} from '../Rollup/__testUtils__/englishLeftIn';
import {
  OWNER_VIEW_STATES,
  OWNERS,
  renderOwnerView,
} from './__testUtils__/renderOwnerView';

jest.setTimeout(20_000);

describe('OwnerRollupView in German', () => {
  it('would notice English: the same check finds it in the English view', async () => {
    const { container } = await renderOwnerView(async () => OWNERS, 'en');
    await waitFor(() =>
      expect(container.querySelector('section[data-owner]')).not.toBeNull(),
    );
    expect(englishLeftIn(whatItSays(container)).length).toBeGreaterThan(5);
  });

  it.each(OWNER_VIEW_STATES.map(s => [s.name, s] as const))(
    'says nothing in English: %s',
    async (_, state) => {
      const { container } = await renderOwnerView(state.answer, 'de');
      await waitFor(() =>
        expect(container.querySelector(state.ready)).not.toBeNull(),
      );
      expect(englishLeftIn(whatItSays(container))).toEqual([]);
    },
  );

  it('says “+N more” and “Show fewer” in German', async () => {
    const { container } = await renderOwnerView(async () => OWNERS, 'de');
    await userEvent.click(
      await screen.findByRole('button', {
        name: '3 weitere Komponenten von acme anzeigen',
      }),
    );
    expect(
      screen.getByRole('button', { name: 'Weniger anzeigen' }),
    ).toBeInTheDocument();
    expect(englishLeftIn(whatItSays(container))).toEqual([]);
  });
});
