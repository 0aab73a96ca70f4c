import { screen, within } from '@testing-library/react';
import type { FindingsSummary } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import {
  healthyConnector,
  responseWith,
  ZERO,
} from '../../__fixtures__/defenderResponses';
import { renderDefenderCard } from '../../__testUtils__/renderDefenderCard';

function renderWithFindings(findings: Partial<FindingsSummary>) {
  const connector = healthyConnector('acme');
  return renderDefenderCard(
    defenderApiWith({
      getEntityDefender: async () =>
        responseWith([
          { ...connector, findings: { ...connector.findings, ...findings } },
        ]),
    }),
  );
}

const totalHeading = () =>
  screen.findByText('50 open vulnerability findings in acme/payments-api');

describe('the card’s findings: fixable and the way to all of them', () => {
  it('says how many findings are fixable, beside the counts, and links to the entity’s Findings tab', async () => {
    renderWithFindings({ fixable: 12 });
    const section = (await totalHeading()).parentElement as HTMLElement;
    expect(within(section).getByText('12 fixable')).toBeInTheDocument();
    expect(
      within(section).getByRole('link', { name: 'All findings' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments-api/defender-findings',
    );
  });

  it('says "0 fixable" when none is, and nothing about fixes when the backend does not say', async () => {
    const { unmount } = renderWithFindings({ fixable: 0 });
    await totalHeading();
    expect(screen.getByText('0 fixable')).toBeInTheDocument();
    unmount();

    renderWithFindings({ fixable: undefined });
    await totalHeading();
    expect(screen.queryByText(/fixable/)).toBeNull();
    // the tab has every finding either way
    expect(
      screen.getByRole('link', { name: 'All findings' }),
    ).toBeInTheDocument();
  });

  it('has no link to findings when there are none', async () => {
    renderWithFindings({
      totals: ZERO,
      repositories: [],
      images: [],
      worst: [],
      fixable: 0,
    });
    expect(
      await screen.findByText(
        'No open vulnerability findings in acme/payments-api',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'All findings' })).toBeNull();
    expect(screen.queryByText(/fixable/)).toBeNull();
  });
});
