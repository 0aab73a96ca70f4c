import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResponseError } from '@backstage/errors';
import {
  healthyConnector,
  pendingConnector,
  unhealthyConnector,
} from '../../__fixtures__/defenderResponses';
import {
  choose,
  overview,
  page,
  renderOverview,
  searchParams,
} from '../../__testUtils__/renderOverview';

describe('ConnectorsOverview', () => {
  it('lists connectors with status, findings and owner, each linked to its entity', async () => {
    const listConnectors = jest.fn(async () =>
      page([
        overview(healthyConnector('acme')),
        overview(unhealthyConnector('initech')),
        {
          ...overview(pendingConnector('umbrella')),
          owner: undefined,
          findingsReported: false,
        },
      ]),
    );
    renderOverview(listConnectors);
    const acme = (await screen.findByRole('link', { name: 'acme' })).closest(
      '[role="row"]',
    ) as HTMLElement;
    expect(screen.getByRole('link', { name: 'acme' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/defender-dockerhub-acme',
    );
    expect(acme).toHaveTextContent('Healthy');
    expect(acme).toHaveTextContent('3 critical, 8 high, 15 medium, 24 low');
    expect(
      within(acme).getByRole('link', { name: /guests/ }),
    ).toBeInTheDocument();
    expect(
      within(acme).getByRole('link', { name: /Open acme in the Azure portal/ }),
    ).toHaveAttribute('href', expect.stringContaining('dockerhub-acme'));

    const row = (name: string) =>
      screen.getByRole('link', { name }).closest('[role="row"]');
    expect(row('initech')).toHaveTextContent('Unhealthy');
    const umbrella = row('umbrella');
    expect(umbrella).toHaveTextContent('Pending first scan');
    expect(umbrella).toHaveTextContent('no owner tag');
    // no data is not "0 findings"
    expect(umbrella).toHaveTextContent('no findings data yet');
    expect(umbrella).not.toHaveTextContent(/no findings$|0 critical/);

    expect(listConnectors).toHaveBeenCalledWith({ limit: 20, offset: 0 });
  });

  it('filters by status and by owner on the server, from the first page', async () => {
    const listConnectors = jest.fn(async () =>
      page([overview(healthyConnector('acme'))]),
    );
    renderOverview(listConnectors, { url: '/?page=2' });
    await screen.findByRole('link', { name: 'acme' });

    await choose('Status', 'Unhealthy');
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: 'unhealthy', offset: 0 }),
      ),
    );

    // The owners the connectors have, as the catalog names them, sorted.
    await userEvent.click(screen.getByRole('button', { name: /Owner/ }));
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['Any owner', 'guests', 'payments', 'user:jdoe']);
    await userEvent.click(screen.getByRole('option', { name: 'guests' }));
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({
          status: 'unhealthy',
          owner: 'group:default/guests',
        }),
      ),
    );
  });

  it('sorts on the server when a column header is clicked', async () => {
    const listConnectors = jest.fn(async () =>
      page([overview(healthyConnector('acme'))]),
    );
    renderOverview(listConnectors);
    await screen.findByRole('link', { name: 'acme' });
    const findings = () =>
      screen.getByRole('columnheader', { name: /Findings/ });
    await userEvent.click(findings());
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'findings', order: 'asc' }),
      ),
    );
    expect(findings()).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(findings());
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'findings', order: 'desc' }),
      ),
    );
    expect(findings()).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows when each Docker Hub token expires, sortable by it', async () => {
    const listConnectors = jest.fn(async () =>
      page([
        overview(
          healthyConnector('acme', {
            tokenExpiry: {
              expiresOn: '2026-04-15',
              daysLeft: 14,
              stage: 'warning',
            },
          }),
        ),
        overview(healthyConnector('initech')),
      ]),
    );
    renderOverview(listConnectors);
    const acme = (await screen.findByRole('link', { name: 'acme' })).closest(
      '[role="row"]',
    ) as HTMLElement;
    const initech = screen
      .getByRole('link', { name: 'initech' })
      .closest('[role="row"]') as HTMLElement;
    expect(within(acme).getByText('2026-04-15')).toBeInTheDocument();
    expect(within(initech).getByText('—')).toBeInTheDocument();

    const expires = () => screen.getByRole('columnheader', { name: /Expires/ });
    await userEvent.click(expires());
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'tokenExpiresOn', order: 'asc' }),
      ),
    );
    expect(expires()).toHaveAttribute('aria-sort', 'ascending');
    expect(searchParams().get('sort')).toBe('tokenExpiresOn');
    await userEvent.click(expires());
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'tokenExpiresOn', order: 'desc' }),
      ),
    );
    expect(searchParams().get('order')).toBe('desc');
  });

  it('sorts by token expiry from a shared link', async () => {
    const listConnectors = jest.fn(async () =>
      page([overview(healthyConnector('acme'))]),
    );
    renderOverview(listConnectors, { url: '/?sort=tokenExpiresOn&order=desc' });
    await screen.findByRole('link', { name: 'acme' });
    expect(listConnectors).toHaveBeenLastCalledWith(
      expect.objectContaining({ sort: 'tokenExpiresOn', order: 'desc' }),
    );
    expect(
      screen.getByRole('columnheader', { name: /Expires/ }),
    ).toHaveAttribute('aria-sort', 'descending');
  });

  it('pages on the server', async () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      overview(healthyConnector(`org${String(i).padStart(2, '0')}`)),
    );
    const listConnectors = jest.fn(async (r: any) =>
      page(
        r.offset ? [overview(healthyConnector('zeta'))] : many,
        21,
        r.offset,
      ),
    );
    renderOverview(listConnectors);
    await screen.findByRole('link', { name: 'org00' });
    expect(screen.getByText('1–20 of 21')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(
      await screen.findByRole('link', { name: 'zeta' }),
    ).toBeInTheDocument();
    expect(screen.getByText('21–21 of 21')).toBeInTheDocument();
    expect(listConnectors).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 20, offset: 20 }),
    );
  });

  it('says who grants the read permission when the backend refuses, in place of the table', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message:
              'Missing permission defender-for-containers.connector.read',
          },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'content-type': 'application/json' } },
      ),
    );
    const listConnectors = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValue(page([overview(healthyConnector('acme'))]));
    renderOverview(listConnectors, { onboardingHref: '/create/x' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not list connectors');
    expect(alert).toHaveTextContent(
      /permission defender-for-containers\.connector\.read is denied to you\. Your Backstage administrators grant it/,
    );
    // no table, and no "onboard one" as if there were no connectors
    expect(screen.queryByRole('grid')).toBeNull();
    expect(screen.queryByText(/Onboard an organization/)).toBeNull();

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: 'acme' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers to onboard an organization when there is no connector at all', async () => {
    renderOverview(
      jest.fn(async () => page([])),
      {
        onboardingHref: '/create/templates/default/defender-onboard-dockerhub',
      },
    );
    expect(
      await screen.findByRole('link', { name: 'Onboard an organization' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/defender-onboard-dockerhub',
    );
  });
});
