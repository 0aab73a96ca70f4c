import { screen, waitFor } from '@testing-library/react';
import { englishLeftIn, whatItSays } from '../../__testUtils__/englishLeftIn';
import { FINDINGS_TAB_STATES } from '../../__testUtils__/findingsTabStates';
import { renderFindingsTab } from '../../__testUtils__/renderFindingsTab';

/**
 * Words React Aria writes itself, in the browser's language rather than the app's (jsdom's is
 * English): the search field's clear button. Backstage UI offers no way to pass the app's
 * language down to them.
 */
const REACT_ARIA_OWN = ['Clear search'];

const state = (name: string) => FINDINGS_TAB_STATES.find(s => s.name === name)!;

describe('EntityDefenderFindingsContent in German', () => {
  it('would notice English: the same check finds it on the English tab', async () => {
    const english = state('findings, with every notice');
    const { container } = renderFindingsTab(english.api(), { language: 'en' });
    await waitFor(() =>
      expect(container.querySelector(english.ready)).not.toBeNull(),
    );
    expect(englishLeftIn(whatItSays(container)).length).toBeGreaterThan(10);
  });

  it.each(FINDINGS_TAB_STATES.map(s => [s.name, s] as const))(
    'says nothing in English: %s',
    async (_, tabState) => {
      const { container } = renderFindingsTab(tabState.api(), {
        url: tabState.url,
        language: 'de',
      });
      await waitFor(
        () => expect(container.querySelector(tabState.ready)).not.toBeNull(),
        { timeout: 10_000 },
      );
      expect(
        englishLeftIn(whatItSays(container)).filter(
          part => !REACT_ARIA_OWN.includes(part),
        ),
      ).toEqual([]);
    },
  );

  it('writes dates, numbers and the row range the German way', async () => {
    const german = state('findings, with every notice');
    renderFindingsTab(german.api(), { language: 'de' });
    expect(await screen.findByText('1–25 von 60')).toBeInTheDocument();
    expect(screen.getAllByText('01.01.2026').length).toBeGreaterThan(0);
    expect(
      screen.getByText(
        'Backstage behält die 5.000 schwersten von 7.342 offenen Befunden von acme; die übrigen stehen im Azure-Portal.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('columnheader', { name: /Zuerst gesehen/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Kritisch' }),
    ).toBeInTheDocument();
  });
});
