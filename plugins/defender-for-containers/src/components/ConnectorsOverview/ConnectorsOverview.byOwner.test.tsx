import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { healthyConnector } from '../../__fixtures__/defenderResponses';
import {
  overview,
  page,
  renderOverview,
  searchParams,
} from '../../__testUtils__/renderOverview';
import { OWNERS } from '../OwnerRollup/__testUtils__/renderOwnerView';

describe('ConnectorsOverview, By owner', () => {
  it('switches to the owner view, keeps it in the URL, and lists no connectors meanwhile', async () => {
    const listConnectors = jest.fn(async () =>
      page([overview(healthyConnector('acme'))]),
    );
    const getOwnerRollup = jest.fn(async () => OWNERS);
    renderOverview(listConnectors, { url: '/?status=healthy', getOwnerRollup });
    await screen.findByRole('link', { name: 'acme' });
    expect(getOwnerRollup).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('switch', { name: 'By owner' }));
    await screen.findByRole('link', { name: /team-payments/ });
    expect(getOwnerRollup).toHaveBeenCalledTimes(1);
    expect(searchParams().get('view')).toBe('owner');
    // The list's own filters are kept for when the reader switches back.
    expect(searchParams().get('status')).toBe('healthy');

    await userEvent.click(screen.getByRole('switch', { name: 'By owner' }));
    await screen.findByRole('link', { name: 'acme' });
    expect(searchParams().get('view')).toBeNull();
  });

  it('opens in the owner view from a shared link', async () => {
    const listConnectors = jest.fn(async () => page([]));
    const getOwnerRollup = jest.fn(async () => OWNERS);
    renderOverview(listConnectors, { url: '/?view=owner', getOwnerRollup });
    await screen.findByRole('link', { name: /team-payments/ });
    await waitFor(() => expect(getOwnerRollup).toHaveBeenCalled());
    expect(listConnectors).not.toHaveBeenCalled();
    expect(screen.getByRole('switch', { name: 'By owner' })).toBeChecked();
  });
});
