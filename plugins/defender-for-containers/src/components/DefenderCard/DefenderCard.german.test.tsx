import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CARD_STATES } from '../../__testUtils__/cardStates';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { renderDefenderCard } from '../../__testUtils__/renderDefenderCard';

/**
 * Deliberately left as they are, in every language: names of products and Backstage terms,
 * identifiers (entity refs, annotation keys, permissions, config keys, YAML keys and
 * placeholders), what the data names (organizations, repositories, images, packages, CVE ids,
 * versions, subscriptions, resource groups, Azure offerings) and HTTP. Azure's and the backend's
 * own sentences (Defender's issues, error messages, reasons a value was ignored) are English and
 * marked `lang="en"`, so they are left out of the check and read as English by screen readers.
 */
const UNTRANSLATED = [
  /Microsoft Defender for (Containers|Cloud)|Defender for (Containers|Cloud)|Defender CSPM|Defender|Docker Hub|Azure|Backstage|HTTP/g,
  /[\w.-]+\.[\w.-]*\/[\w.\-<>:/]+/g, // annotation keys, entity refs, image and repository names
  /defender-for-containers\.connector\.\w+|defenderForContainers(\.\w+)*/g,
  /\b(apiVersion|kind|metadata|name|annotations|Component|catalog-info\.yaml)\b/g,
  /<[\w-]+>/g,
  /\b(acme|initech|globex|umbrella|zeta|Contoso Production|rg-defender-connectors|DefenderForContainersDockerHub)\b/g,
  /\b[\w-]+: CVE-\d+-\d+|\b[\d.]+\b/g,
];

/**
 * Words that would only be there if an English message slipped through. Words German shares
 * (in, was, Details, Connector, Minute, Repository, Images, Portal, Problem, Scan, Text) are not
 * among them.
 */
const ENGLISH =
  /\b(the|and|of|to|is|are|were|not|no|with|for|on|this|that|you|may|open|findings?|show|hide|refresh(ed|ing)?|last|never|ago|just|now|yet|issues?|could|load|health|healthy|unhealthy|pending|stale|scanned|every|days?|critical|high|medium|low|first|what|wrong|how|fix|reads?|without|problems|copy|ignored|value|trend|history|subscription|group|onboard(ed)?|allowed|retry|loading|hours?)\b/i;

/** Everything the card says to a reader: its text and its labels, less Azure's own words. */
function whatTheCardSays(root: HTMLElement): string {
  const clone = root.cloneNode(true) as HTMLElement;
  clone.querySelectorAll('[lang="en"]').forEach(el => el.remove());
  const labels = [...clone.querySelectorAll('[aria-label], [title]')].flatMap(
    el => [el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? ''],
  );
  return [clone.textContent ?? '', ...labels].join(' \n ');
}

function englishLeftIn(said: string): string[] {
  const stripped = UNTRANSLATED.reduce((s, re) => s.replace(re, ' '), said);
  return stripped
    .split(/[\n.,:;()·—–]+/)
    .map(part => part.trim())
    .filter(part => ENGLISH.test(part));
}

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
