import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { ResponseError } from '@backstage/errors';
import type { ConnectorListResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef, type DefenderApi } from '../../api/DefenderApi';
import {
  healthyConnector,
  pendingConnector,
  unhealthyConnector,
} from '../../__fixtures__/defenderResponses';
import { ConnectorsOverview } from './ConnectorsOverview';

const overview = (c: ReturnType<typeof healthyConnector>) => {
  const {
    issues,
    plans,
    findings,
    trend,
    scanIntervalHours,
    trialEndsAt,
    ...o
  } = c;
  return o;
};

function renderOverview(
  listConnectors: DefenderApi['listConnectors'],
  listConnectorOwners: DefenderApi['listConnectorOwners'] = async () => [
    'group:default/payments',
    'group:default/guests',
    'user:default/jdoe',
  ],
) {
  const api = { listConnectors, listConnectorOwners } as DefenderApi;
  renderInTestApp(
    <TestApiProvider apis={[[defenderApiRef, api]]}>
      <ConnectorsOverview />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}

const page = (
  items: ConnectorListResponse['items'],
  totalCount = items.length,
  offset = 0,
  limit = 20,
): ConnectorListResponse => ({ items, totalCount, offset, limit });

// material-table renders slowly in jsdom, more so on a busy machine
jest.setTimeout(30_000);

/** A column's sort control (material-table nests a drag handle with the same name). */
const sortLabel = (name: string) =>
  screen
    .getAllByRole('button', { name })
    .find(el => el.classList.contains('MuiTableSortLabel-root'))!;

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
    const acme = (
      await screen.findByRole('link', { name: 'acme' }, { timeout: 10_000 })
    ).closest('tr')!;
    expect(screen.getByRole('link', { name: 'acme' })).toHaveAttribute(
      'href',
      '/catalog/default/resource/defender-dockerhub-acme',
    );
    expect(acme).toHaveTextContent('Healthy');
    expect(acme).toHaveTextContent('3 critical, 8 high, 15 medium, 24 low');
    expect(
      within(acme).getByRole('link', { name: /guests/ }),
    ).toBeInTheDocument();
    expect(within(acme).getByRole('link', { name: /^Portal/ })).toHaveAttribute(
      'href',
      expect.stringContaining('dockerhub-acme'),
    );

    const initech = screen
      .getByRole('link', { name: 'initech' })
      .closest('tr')!;
    expect(initech).toHaveTextContent('Unhealthy');
    const umbrella = screen
      .getByRole('link', { name: 'umbrella' })
      .closest('tr')!;
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
    renderOverview(listConnectors);
    await screen.findByRole('link', { name: 'acme' }, { timeout: 10_000 });

    fireEvent.mouseDown(screen.getByLabelText('Status'));
    fireEvent.click(await screen.findByRole('option', { name: 'Unhealthy' }));
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ status: 'unhealthy', offset: 0 }),
      ),
    );

    // The owners the connectors have, as the catalog names them, sorted.
    fireEvent.mouseDown(screen.getByLabelText('Owner'));
    expect(
      (await screen.findAllByRole('option')).map(o => o.textContent),
    ).toEqual(['Any owner', 'guests', 'payments', 'user:jdoe']);
    fireEvent.click(screen.getByRole('option', { name: 'guests' }));
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
    await screen.findByRole('link', { name: 'acme' }, { timeout: 10_000 });
    fireEvent.click(sortLabel('Findings'));
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'findings', order: 'asc' }),
      ),
    );
    // the table ignores header clicks while its query runs
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    await screen.findByRole('link', { name: 'acme' }, { timeout: 10_000 });
    fireEvent.click(sortLabel('Findings'));
    await waitFor(() =>
      expect(listConnectors).toHaveBeenLastCalledWith(
        expect.objectContaining({ sort: 'findings', order: 'desc' }),
      ),
    );
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
    await screen.findByRole('link', { name: 'org00' }, { timeout: 10_000 });
    expect(screen.getAllByText('1-20 of 21').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Next Page' }));
    expect(
      await screen.findByRole('link', { name: 'zeta' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(listConnectors).toHaveBeenLastCalledWith(
      expect.objectContaining({ limit: 20, offset: 20 }),
    );
  });

  it('says why when the backend refuses', async () => {
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
    renderOverview(jest.fn().mockRejectedValue(error));
    expect(
      await screen.findByText(
        /Could not list connectors: Missing permission defender-for-containers.connector.read \(HTTP 403\)/,
      ),
    ).toBeInTheDocument();
  });
});
