import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityRollupResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiWith } from '../../__fixtures__/defenderApiWith';
import {
  CHILD_COMPONENT,
  OWN_COMPONENTS,
  rollupWith,
  SYSTEM,
  teamRollup,
} from './__fixtures__/rollupResponses';
import { renderRollupCard } from './__testUtils__/renderRollupCard';

// Test apps render slowly on a busy shared machine; the default 5 s is not about behaviour.
jest.setTimeout(20_000);

type Rollup = (
  ref: CompoundEntityRef,
  options?: { children?: boolean },
) => Promise<EntityRollupResponse>;

/** A backend whose answer depends on the request: with `children`, the child group's component too. */
const teamBackend = () =>
  jest.fn<ReturnType<Rollup>, Parameters<Rollup>>(async (_ref, options) =>
    teamRollup(options?.children),
  );

const componentLinks = () =>
  within(screen.getByRole('table', { name: /Components and their/ }))
    .getAllByRole('link')
    .map(a => [a.textContent, a.getAttribute('href')]);

const search = () =>
  new URLSearchParams(screen.getByTestId('search').textContent ?? '');

describe('EntityDefenderRollupCard', () => {
  it('shows a group’s totals, connectors and components, each component linked to its page', async () => {
    const getEntityRollup = teamBackend();
    renderRollupCard(defenderApiWith({ getEntityRollup }));

    expect(
      await screen.findByText('4 of 6 components have Defender annotations'),
    ).toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenCalledWith(
      { kind: 'group', namespace: 'default', name: 'team-payments' },
      { children: false },
    );
    expect(
      screen.getByLabelText(
        'Open findings: 5 critical, 12 high, 60 medium, 83 low',
      ),
    ).toBeInTheDocument();
    expect(screen.getByTestId('rollup-fixable')).toHaveTextContent(
      '10 fixable',
    );

    const initech = screen
      .getByText('Docker Hub initech')
      .closest('li') as HTMLElement;
    expect(within(initech).getByText('Unhealthy')).toBeInTheDocument();
    expect(
      within(initech).getByText('Docker Hub credentials are invalid'),
    ).toHaveAttribute('lang', 'en');
    expect(
      within(initech).getByText('used by 1 component'),
    ).toBeInTheDocument();
    expect(
      within(initech).getByText(
        '2 critical, 1 high, 40 medium, 50 low; 1 fixable',
      ),
    ).toBeInTheDocument();
    expect(
      within(initech).getByRole('link', {
        name: 'Open initech in the Azure portal (opens in a new tab)',
      }),
    ).toHaveAttribute('href', expect.stringContaining('dockerhub-initech'));
    const acme = screen.getByText('Docker Hub acme').closest('li')!;
    expect(within(acme).getByText('used by 3 components')).toBeInTheDocument();

    expect(componentLinks()).toEqual([
      ['Zeta payments', '/catalog/default/component/zeta-payments'],
      ['legacy-billing', '/catalog/default/component/legacy-billing'],
      ['checkout-web', '/catalog/default/component/checkout-web'],
      ['alpha-worker', '/catalog/default/component/alpha-worker'],
    ]);
    const billing = screen.getByRole('row', { name: /legacy-billing/ });
    expect(within(billing).getByText('Unhealthy')).toBeInTheDocument();
    expect(
      within(billing).getByText('2 critical, 1 high, 40 medium, 50 low'),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('rollup-truncated')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rollup-not-allowed')).not.toBeInTheDocument();
  });

  it('keeps the backend’s worst-first order: neither alphabetical nor by total', async () => {
    renderRollupCard(defenderApiWith({ getEntityRollup: teamBackend() }));
    await screen.findByRole('table');
    const names = componentLinks().map(([name]) => name);
    expect(names).toEqual([
      'Zeta payments',
      'legacy-billing',
      'checkout-web',
      'alpha-worker',
    ]);
    expect(OWN_COMPONENTS.map(c => c.entityRef)).not.toEqual(
      [...OWN_COMPONENTS.map(c => c.entityRef)].sort(),
    );
  });

  it('re-requests with child groups when the switch is turned on, and keeps it in the URL', async () => {
    const getEntityRollup = teamBackend();
    renderRollupCard(defenderApiWith({ getEntityRollup }));
    await screen.findByRole('table');
    expect(screen.queryByText('Fraud scoring')).not.toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('switch', { name: 'Include child groups' }),
    );
    expect(await screen.findByText('Fraud scoring')).toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenLastCalledWith(expect.anything(), {
      children: true,
    });
    expect(componentLinks()[0]).toEqual([
      'Fraud scoring',
      `/catalog/default/component/${CHILD_COMPONENT.entityRef.split('/')[1]}`,
    ]);
    expect(
      screen.getByText(/5 of 9 components have Defender annotations/),
    ).toHaveTextContent('Components of its child groups are included.');
    expect(search().get('rollupChildren')).toBe('1');
    expect(screen.getByRole('switch')).toBeChecked();

    await userEvent.click(screen.getByRole('switch'));
    await waitFor(() =>
      expect(screen.queryByText('Fraud scoring')).not.toBeInTheDocument(),
    );
    expect(getEntityRollup).toHaveBeenLastCalledWith(expect.anything(), {
      children: false,
    });
    expect(search().has('rollupChildren')).toBe(false);
  });

  it('starts with child groups from a shared link, leaving the page’s other parameters alone', async () => {
    const getEntityRollup = teamBackend();
    renderRollupCard(defenderApiWith({ getEntityRollup }), {
      url: '/?rollupChildren=1&tab=x',
    });
    expect(await screen.findByText('Fraud scoring')).toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('switch')).toBeChecked();
    await userEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(search().has('rollupChildren')).toBe(false));
    expect(search().get('tab')).toBe('x');
  });

  it('has no child-group switch on a System, and never asks for child groups there', async () => {
    const getEntityRollup = jest.fn(async () =>
      rollupWith({ entityRef: 'system:default/payments' }),
    );
    renderRollupCard(defenderApiWith({ getEntityRollup }), {
      entity: SYSTEM,
      url: '/?rollupChildren=1',
    });
    await screen.findByRole('table');
    expect(screen.queryByRole('switch')).not.toBeInTheDocument();
    expect(getEntityRollup).toHaveBeenCalledWith(
      { kind: 'system', namespace: 'default', name: 'payments' },
      { children: false },
    );
  });
});
