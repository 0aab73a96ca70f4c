import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CONNECTOR_SIGNAL_CHANNEL } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import {
  connectorIdOf,
  healthyConnector,
  pendingConnector,
  responseWith,
} from '../../__fixtures__/defenderResponses';
import {
  backendError,
  fakeSignals,
  renderDefenderCard,
} from '../../__testUtils__/renderDefenderCard';

const REQUESTED_AT = '2026-03-01T10:00:00.000Z';
const before = responseWith([pendingConnector('acme')]);
const landed = responseWith([
  healthyConnector('acme', { refreshedAt: '2026-03-01T10:00:05.000Z' }),
]);

/** The backend's answers: first the card's load, then `next` for every later read. */
function backend(next = landed) {
  return defenderApiWith({
    getEntityDefender: jest
      .fn()
      .mockResolvedValueOnce(before)
      .mockResolvedValue(next),
    refreshConnector: jest.fn(async (id: string) => ({
      id,
      requestedAt: REQUESTED_AT,
    })),
  });
}

const wait = (ms: number) =>
  act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });

async function clickRefresh() {
  await userEvent.click(await screen.findByRole('button', { name: 'Refresh' }));
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent(
      'Reading the connector from Azure',
    ),
  );
}

describe('DefenderCard refresh', () => {
  beforeEach(() => jest.useFakeTimers({ advanceTimers: true }));
  afterEach(() => jest.useRealTimers());

  it('keeps its live region from the first render, empty until there is news', async () => {
    renderDefenderCard(backend(), { canRefresh: true });
    await screen.findByRole('button', { name: 'Refresh' });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('with signals, reloads once when the backend announces the connector, and never polls', async () => {
    const signals = fakeSignals();
    const api = backend();
    renderDefenderCard(api, { canRefresh: true, signalApi: signals.signalApi });
    await clickRefresh();
    await wait(10_000);
    expect(api.getEntityDefender).toHaveBeenCalledTimes(1); // the load only

    // another connector, and an announcement older than the request: nothing to reload
    act(() => {
      signals.publish(CONNECTOR_SIGNAL_CHANNEL, {
        type: 'connectorRefreshed',
        connectorId: connectorIdOf('globex'),
        refreshedAt: '2026-03-01T10:00:03.000Z',
      });
    });
    act(() => {
      signals.publish(CONNECTOR_SIGNAL_CHANNEL, {
        type: 'connectorRefreshed',
        connectorId: connectorIdOf('acme'),
        refreshedAt: '2026-03-01T09:59:00.000Z',
      });
    });
    await wait(1_000);
    expect(api.getEntityDefender).toHaveBeenCalledTimes(1);

    act(() => {
      signals.publish(CONNECTOR_SIGNAL_CHANNEL, {
        type: 'connectorRefreshed',
        connectorId: connectorIdOf('acme').toUpperCase(),
        refreshedAt: '2026-03-01T10:00:05.000Z',
      });
    });
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Refreshed.');
    await wait(120_000);
    expect(api.getEntityDefender).toHaveBeenCalledTimes(2);
  });

  it('with signals but no announcement, checks once after the bound and says it goes on', async () => {
    const signals = fakeSignals();
    const api = backend(before);
    renderDefenderCard(api, { canRefresh: true, signalApi: signals.signalApi });
    await clickRefresh();
    await wait(65_000);
    expect(screen.getByRole('status')).toHaveTextContent(
      /Still refreshing in the background/,
    );
    expect(api.getEntityDefender).toHaveBeenCalledTimes(2);
  });

  it('without signals, polls until the refresh landed', async () => {
    const api = backend();
    renderDefenderCard(api, { canRefresh: true });
    await clickRefresh();
    await wait(2_000);
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(api.getEntityDefender).toHaveBeenCalledTimes(2);
  });

  it('stops polling when the card goes away', async () => {
    const api = backend(before);
    const { unmount } = renderDefenderCard(api, { canRefresh: true });
    await clickRefresh();
    await wait(4_500);
    expect(api.getEntityDefender).toHaveBeenCalledTimes(3); // load + 2 polls
    unmount();
    await wait(60_000);
    expect(api.getEntityDefender).toHaveBeenCalledTimes(3);
  });

  it('asks nothing more when the card goes away while a poll is under way', async () => {
    let answer: (r: typeof before) => void = () => {};
    const api = backend();
    (api.getEntityDefender as jest.Mock).mockImplementation(
      () => new Promise(resolve => (answer = resolve)),
    );
    const { unmount } = renderDefenderCard(api, { canRefresh: true });
    await clickRefresh();
    await wait(2_500); // the first poll is waiting for its answer
    expect(api.getEntityDefender).toHaveBeenCalledTimes(2);
    unmount();
    await act(async () => answer(before));
    await wait(60_000);
    expect(api.getEntityDefender).toHaveBeenCalledTimes(2);
  });

  it('subscribes to the signals channel only for whoever may refresh', async () => {
    const denied = fakeSignals();
    const { unmount } = renderDefenderCard(backend(), {
      signalApi: denied.signalApi,
    });
    await screen.findByText('Pending first scan');
    expect(denied.subscriberCount(CONNECTOR_SIGNAL_CHANNEL)).toBe(0);
    unmount();

    const allowed = fakeSignals();
    renderDefenderCard(backend(), {
      canRefresh: true,
      signalApi: allowed.signalApi,
    });
    await screen.findByRole('button', { name: 'Refresh' });
    expect(allowed.subscriberCount(CONNECTOR_SIGNAL_CHANNEL)).toBe(1);
  });

  it('loads again on Retry after an error', async () => {
    const api = defenderApiWith({
      getEntityDefender: jest
        .fn()
        .mockRejectedValueOnce(await backendError(500, 'Error', 'locked'))
        .mockResolvedValue(landed),
    });
    renderDefenderCard(api);
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Healthy')).toBeInTheDocument();
    expect(screen.queryByText('locked')).toBeNull();
  });
});
