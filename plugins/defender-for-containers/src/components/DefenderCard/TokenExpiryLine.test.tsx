import { screen, waitFor, within } from '@testing-library/react';
import type { TokenExpiry } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  healthyConnector,
  responseWith,
} from '../../__fixtures__/defenderResponses';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import { renderDefenderCard } from '../../__testUtils__/renderDefenderCard';

jest.setTimeout(20_000);

const ROTATE_URL = `/rotate/templates/default/defender-rotate-dockerhub-token?formData=${encodeURIComponent(
  JSON.stringify({ organization: 'acme' }),
)}`;

async function renderWith(
  tokenExpiry: TokenExpiry | undefined,
  language = 'en',
) {
  const rendered = renderDefenderCard(
    defenderApiWith({
      getEntityDefender: async () =>
        responseWith([healthyConnector('acme', { tokenExpiry })]),
    }),
    { language },
  );
  await waitFor(() =>
    expect(
      rendered.container.querySelector('[data-connector="acme"]'),
    ).not.toBeNull(),
  );
  return rendered;
}

const line = (container: HTMLElement) =>
  container.querySelector<HTMLElement>('[data-token-expiry]');

describe('the Docker Hub token expiry line', () => {
  it.each([
    [
      30,
      'soon',
      '2026-05-01',
      'Docker Hub token expires in 30 days (2026-05-01)',
    ],
    [
      14,
      'warning',
      '2026-04-15',
      'Docker Hub token expires in 14 days (2026-04-15)',
    ],
    [
      3,
      'critical',
      '2026-04-04',
      'Docker Hub token expires in 3 days (2026-04-04)',
    ],
    [
      1,
      'critical',
      '2026-04-02',
      'Docker Hub token expires in 1 day (2026-04-02)',
    ],
    [0, 'expired', '2026-04-01', 'Docker Hub token expired on 2026-04-01'],
  ] as const)(
    '%i days left (%s): says when, with a link to rotate it',
    async (daysLeft, stage, expiresOn, text) => {
      const { container } = await renderWith({ expiresOn, daysLeft, stage });
      const el = line(container)!;
      expect(el).toHaveAttribute('data-token-expiry', stage);
      expect(el).toHaveTextContent(text);
      // Plain text while `soon`; then Backstage UI's alert, in the tone of the card's other
      // warnings, and an error once expired.
      const tone = {
        soon: null,
        warning: 'warning',
        critical: 'warning',
        expired: 'danger',
      };
      expect(el.tagName).toBe(stage === 'soon' ? 'P' : 'DIV');
      expect(el.getAttribute('data-status')).toBe(tone[stage]);
      expect(
        within(el).getByRole('link', { name: 'Rotate the token' }),
      ).toHaveAttribute('href', ROTATE_URL);
    },
  );

  it.each([
    [
      'none',
      { expiresOn: '2026-09-01', daysLeft: 153, stage: 'none' as const },
    ],
    ['no expiry known', undefined],
  ])('says nothing when %s', async (_, tokenExpiry) => {
    const { container } = await renderWith(tokenExpiry);
    expect(line(container)).toBeNull();
    expect(screen.queryByText(/Docker Hub token/)).toBeNull();
    expect(screen.queryByRole('link', { name: 'Rotate the token' })).toBeNull();
  });

  it('speaks German', async () => {
    const { container } = await renderWith(
      { expiresOn: '2026-04-15', daysLeft: 14, stage: 'warning' },
      'de',
    );
    await waitFor(() =>
      expect(line(container)).toHaveTextContent(
        'Docker-Hub-Token läuft in 14 Tagen ab (2026-04-15)',
      ),
    );
    expect(
      within(line(container)!).getByRole('link', { name: 'Token erneuern' }),
    ).toHaveAttribute('href', ROTATE_URL);
  });
});
