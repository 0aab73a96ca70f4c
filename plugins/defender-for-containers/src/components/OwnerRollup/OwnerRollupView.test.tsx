import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { backendError } from '../../__testUtils__/renderDefenderCard';
import { OWNERS, renderOwnerView } from './__testUtils__/renderOwnerView';

jest.setTimeout(20_000);

const section = (owner: string) =>
  document.querySelector(`section[data-owner="${owner}"]`) as HTMLElement;

describe('OwnerRollupView', () => {
  it('shows each owner, linked to its page, with its totals and connectors', async () => {
    await renderOwnerView(async () => OWNERS);
    const team = await screen.findByRole('heading', {
      level: 2,
      name: 'team-payments',
    });
    expect(within(team).getByRole('link')).toHaveAttribute(
      'href',
      '/catalog/default/group/team-payments',
    );
    const payments = section('group:default/team-payments');
    expect(within(payments).getByTestId('owner-totals')).toHaveTextContent(
      'Open findings: 5 critical, 9 high, 55 medium, 74 low',
    );
    expect(within(payments).getByText('2 connectors')).toBeInTheDocument();
    const table = within(payments).getByRole('grid', {
      name: 'Connectors of team-payments',
    });
    const initech = within(table).getByRole('row', { name: /initech/ });
    expect(within(initech).getByText('Unhealthy')).toBeInTheDocument();
    expect(
      within(initech).getByText('2 critical, 1 high, 40 medium, 50 low'),
    ).toBeInTheDocument();
    expect(
      within(initech).getByRole('link', { name: 'initech' }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/resource/defender-dockerhub-initech',
    );
    expect(
      within(initech).getByRole('link', { name: 'legacy-billing' }),
    ).toHaveAttribute('href', '/catalog/default/component/legacy-billing');
  });

  it('puts connectors without an owner tag under “No owner”', async () => {
    await renderOwnerView(async () => OWNERS);
    const none = await screen.findByRole('heading', {
      level: 2,
      name: 'No owner',
    });
    expect(within(none).queryByRole('link')).not.toBeInTheDocument();
    const unowned = section('');
    expect(unowned).toHaveTextContent(
      'Connectors without a backstage-owner tag',
    );
    const globex = within(unowned).getByRole('row', { name: /globex/ });
    expect(within(globex).getByText('Pending first scan')).toBeInTheDocument();
    expect(within(globex).getByText('none you may read')).toBeInTheDocument();
  });

  it('lists ten components of a connector, then “+N more”, which shows the rest', async () => {
    await renderOwnerView(async () => OWNERS);
    const list = await screen.findByTestId('components-of-acme');
    const links = () =>
      within(screen.getByTestId('components-of-acme')).getAllByRole('link');
    expect(links()).toHaveLength(10);
    expect(links()[0]).toHaveAttribute(
      'href',
      '/catalog/default/component/svc-01',
    );
    expect(list.parentElement).toHaveTextContent('+3 more');
    await userEvent.click(
      screen.getByRole('button', {
        name: 'Show 3 more components of acme',
      }),
    );
    expect(links()).toHaveLength(13);
    expect(links()[12]).toHaveTextContent('svc-13');
    await userEvent.click(screen.getByRole('button', { name: 'Show fewer' }));
    expect(links()).toHaveLength(10);
  });

  it('says when connectors or components were left out, and only then', async () => {
    const { unmount } = await renderOwnerView(async () => ({
      ...OWNERS,
      truncated: true,
    }));
    expect(
      await screen.findByText(/Some connectors or components are left out/),
    ).toHaveTextContent('defenderForContainers.health.rollup.maxComponents');
    unmount();
    await renderOwnerView(async () => OWNERS);
    await screen.findByRole('heading', { level: 2, name: 'team-payments' });
    expect(screen.queryByText(/are left out/)).not.toBeInTheDocument();
  });

  it('says so when there is no connector', async () => {
    await renderOwnerView(async () => ({ items: [] }));
    expect(
      await screen.findByText('No Docker Hub connector yet.'),
    ).toBeInTheDocument();
  });

  it('says it is loading', async () => {
    await renderOwnerView(() => new Promise(() => {}));
    expect(
      screen.getByRole('status', { name: 'Loading the connectors by owner' }),
    ).toBeInTheDocument();
  });

  it('shows a failure and loads again on Retry', async () => {
    const getOwnerRollup = jest
      .fn()
      .mockRejectedValueOnce(
        await backendError(403, 'NotAllowedError', 'Missing permission'),
      )
      .mockResolvedValue(OWNERS);
    await renderOwnerView(getOwnerRollup);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('defender-for-containers.connector.read');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'No owner' }),
    ).toBeInTheDocument();
    expect(getOwnerRollup).toHaveBeenCalledTimes(2);
  });
});
