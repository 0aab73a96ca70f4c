import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  CONNECTOR_STATUSES,
  type ConnectorStatus,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderForContainersMessages } from '../../translation/defenderForContainersMessages';
import {
  ConnectorStatusLabel,
  connectorStatusPresentation,
} from './connectorStatusPresentation';

const { status: words } = defenderForContainersMessages;

describe('connectorStatusPresentation', () => {
  it.each([
    ['healthy', 'ok', 'Healthy'],
    ['unhealthy', 'error', 'Unhealthy'],
    ['pending', 'pending', 'Pending first scan'],
    ['stale', 'warning', 'Stale'],
    ['missing', 'warning', 'Not onboarded'],
    ['notAllowed', 'warning', 'Not allowed'],
  ] as const)('shows %s in the %s tone, labelled %j', (status, tone, label) => {
    const presentation = connectorStatusPresentation(status);
    expect(presentation.tone).toBe(tone);
    expect(words[status]).toBe(label);
    expect(presentation.label).toBe(`status.${status}`);
  });

  it('gives every status its own label and a sentence', () => {
    const labels = CONNECTOR_STATUSES.map(s => words[s]);
    expect(new Set(labels).size).toBe(CONNECTOR_STATUSES.length);
    for (const s of CONNECTOR_STATUSES) {
      expect(words[`${s}Description`].length).toBeGreaterThan(20);
    }
  });

  it('refuses a status it does not know instead of showing nothing', () => {
    expect(() =>
      connectorStatusPresentation('exploded' as ConnectorStatus),
    ).toThrow(/Unknown connector status exploded/);
  });

  it('renders the icon with a label that assistive technology can read', async () => {
    renderInTestApp(<ConnectorStatusLabel status="unhealthy" />);
    const label = await screen.findByText('Unhealthy');
    expect(screen.getByTestId('status-error')).toBeInTheDocument();
    expect(label.closest('[aria-hidden="true"]')).toBeNull();
    expect(label.closest('[data-status]')).toHaveAttribute(
      'title',
      words.unhealthyDescription,
    );
  });
});
