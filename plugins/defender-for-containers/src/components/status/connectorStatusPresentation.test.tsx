import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import {
  CONNECTOR_STATUSES,
  type ConnectorStatus,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  ConnectorStatusLabel,
  connectorStatusPresentation,
} from './connectorStatusPresentation';

describe('connectorStatusPresentation', () => {
  it.each([
    ['healthy', StatusOK, 'Healthy'],
    ['unhealthy', StatusError, 'Unhealthy'],
    ['pending', StatusPending, 'Pending first scan'],
    ['stale', StatusWarning, 'Stale'],
    ['missing', StatusWarning, 'Not onboarded'],
  ] as const)(
    'shows %s as its icon and the label %j',
    (status, Icon, label) => {
      expect(connectorStatusPresentation(status)).toMatchObject({
        Icon,
        label,
      });
    },
  );

  it('gives every status its own label and a sentence', () => {
    const labels = CONNECTOR_STATUSES.map(
      s => connectorStatusPresentation(s).label,
    );
    expect(new Set(labels).size).toBe(CONNECTOR_STATUSES.length);
    for (const s of CONNECTOR_STATUSES) {
      expect(connectorStatusPresentation(s).description.length).toBeGreaterThan(
        20,
      );
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
  });
});
