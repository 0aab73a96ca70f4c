import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CARD_STATES } from '../../__testUtils__/cardStates';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { renderDefenderCard } from '../../__testUtils__/renderDefenderCard';
import {
  englishLeftIn,
  whatItSays as whatTheCardSays,
} from '../../__testUtils__/englishLeftIn';

describe('DefenderCard in German', () => {
  it('would notice English: the same check finds it on the English card', async () => {
    const state = CARD_STATES.find(
      s => s.name === 'unhealthy, first issue expanded',
    )!;
    const { container } = renderDefenderCard(
      defenderApiWith({ getEntityDefender: state.answer }),
      { language: 'en' },
    );
    await waitFor(() =>
      expect(container.querySelector(state.ready)).not.toBeNull(),
    );
    expect(englishLeftIn(whatTheCardSays(container)).length).toBeGreaterThan(
      10,
    );
  });

  it.each(CARD_STATES.map(s => [s.name, s] as const))(
    'says nothing in English: %s',
    async (_, state) => {
      const { container } = renderDefenderCard(
        defenderApiWith({ getEntityDefender: state.answer }),
        { entity: state.entity, canRefresh: state.canRefresh, language: 'de' },
      );
      await waitFor(
        () => expect(container.querySelector(state.ready)).not.toBeNull(),
        { timeout: 10_000 },
      );
      expect(screen.getByRole('heading', { level: 3 })).toHaveTextContent(
        'Defender for Containers',
      );
      expect(englishLeftIn(whatTheCardSays(container))).toEqual([]);
    },
  );

  it('refreshes in German, and writes times the German way', async () => {
    const state = CARD_STATES.find(s => s.name === 'healthy')!;
    jest.useFakeTimers({ advanceTimers: true });
    try {
      const { container } = renderDefenderCard(
        defenderApiWith({
          getEntityDefender: state.answer,
          refreshConnector: async id => ({
            id,
            requestedAt: '2030-01-01T00:00:00.000Z',
          }),
        }),
        { canRefresh: true, language: 'de' },
      );
      await userEvent.click(
        await screen.findByRole('button', { name: 'Aktualisieren' }),
      );
      await waitFor(() =>
        expect(screen.getByRole('status')).toHaveTextContent(
          'Der Connector wird aus Azure gelesen',
        ),
      );
      await act(() => jest.advanceTimersByTimeAsync(70_000));
      expect(screen.getByRole('status')).toHaveTextContent(
        /Die Aktualisierung läuft im Hintergrund weiter/,
      );
      // "vor … Tagen" / "01.03.2026, 08:00": Intl in the app's language
      expect(container.textContent).toMatch(/vor \d+ (Tagen|Monaten|Jahren)/);
      expect(
        container.querySelector('[title*="2026"]')?.getAttribute('title'),
      ).toMatch(/^\d{2}\.\d{2}\.2026/);
      expect(englishLeftIn(whatTheCardSays(container))).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });
});
