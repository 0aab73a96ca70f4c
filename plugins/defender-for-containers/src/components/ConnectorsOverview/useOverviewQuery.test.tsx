import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { healthyConnector } from '../../__fixtures__/defenderResponses';
import {
  choose,
  overview,
  page,
  renderOverview,
  searchParams,
} from '../../__testUtils__/renderOverview';
import { SEARCH_DEBOUNCE_MS } from './ConnectorFilters';
import { overviewSearchParams, parseOverviewQuery } from './useOverviewQuery';

const twentyTwo = (r: any) =>
  page(
    Array.from({ length: 22 }, (_, i) =>
      overview(healthyConnector(`team-${String(i + 1).padStart(2, '0')}`)),
    ).slice(r.offset, r.offset + r.limit),
    22,
    r.offset,
    r.limit,
  );

describe('the overview’s URL', () => {
  it('round-trips every part of the view, and only what differs from the defaults', () => {
    const query = parseOverviewQuery(
      new URLSearchParams(
        'status=stale&owner=group%3Adefault%2Fguests&q=team&sort=findings&order=desc&page=3&pageSize=50',
      ),
    );
    expect(query).toEqual({
      status: 'stale',
      owner: 'group:default/guests',
      text: 'team',
      sort: 'findings',
      order: 'desc',
      page: 2,
      pageSize: 50,
    });
    expect(parseOverviewQuery(overviewSearchParams(query))).toEqual(query);
    expect(
      overviewSearchParams(
        parseOverviewQuery(new URLSearchParams()),
      ).toString(),
    ).toBe('');
  });

  it('ignores what it does not know instead of asking the backend for it', () => {
    expect(
      parseOverviewQuery(
        new URLSearchParams(
          'status=exploded&sort=name;drop&order=sideways&page=-4&pageSize=7',
        ),
      ),
    ).toEqual({ text: '', order: 'asc', page: 0, pageSize: 20 });
  });

  it('shows the view a shared link describes: filters, search, sort and page', async () => {
    const listConnectors = jest.fn(async (r: any) => twentyTwo(r));
    renderOverview(listConnectors, {
      url: '/?status=healthy&owner=group%3Adefault%2Fguests&q=team&sort=organization&order=desc&page=2',
    });
    await screen.findByRole('link', { name: 'team-21' });
    expect(listConnectors).toHaveBeenCalledTimes(1);
    expect(listConnectors).toHaveBeenCalledWith({
      status: 'healthy',
      owner: 'group:default/guests',
      text: 'team',
      sort: 'organization',
      order: 'desc',
      limit: 20,
      offset: 20,
    });
    expect(screen.getByRole('button', { name: /Status/ })).toHaveTextContent(
      'Healthy',
    );
    expect(screen.getByRole('button', { name: /Owner/ })).toHaveTextContent(
      'guests',
    );
    expect(screen.getByRole('searchbox')).toHaveValue('team');
    expect(
      screen.getByRole('columnheader', { name: /Organization/ }),
    ).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('21–22 of 22')).toBeInTheDocument();
  });

  it('writes every change to the URL, and the URL alone brings the view back after a reload', async () => {
    const listConnectors = jest.fn(async (r: any) => twentyTwo(r));
    renderOverview(listConnectors);
    await screen.findByRole('link', { name: 'team-01' });

    await choose('Owner', 'guests');
    await userEvent.type(screen.getByRole('searchbox'), 'team');
    await act(() => new Promise(r => setTimeout(r, SEARCH_DEBOUNCE_MS + 50)));
    await userEvent.click(
      screen.getByRole('columnheader', { name: /Organization/ }),
    );
    await waitFor(() =>
      expect(searchParams().get('sort')).toBe('organization'),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Next page' }),
    );
    await waitFor(() => expect(searchParams().get('page')).toBe('2'));
    expect(Object.fromEntries(searchParams())).toEqual({
      owner: 'group:default/guests',
      q: 'team',
      sort: 'organization',
      order: 'asc',
      page: '2',
    });
    await screen.findByRole('link', { name: 'team-21' });
    const before = listConnectors.mock.lastCall![0];

    // A reload: a new app at the same URL.
    const url = `/?${searchParams()}`;
    cleanup();
    listConnectors.mockClear();
    renderOverview(listConnectors, { url });
    await screen.findByRole('link', { name: 'team-21' });
    expect(listConnectors).toHaveBeenCalledTimes(1);
    expect(listConnectors).toHaveBeenCalledWith(before);
  });

  it('applies a search still waiting for its debounce before paging, so the page the reader moved to stays', async () => {
    const listConnectors = jest.fn(async (r: any) => twentyTwo(r));
    renderOverview(listConnectors);
    await screen.findByRole('link', { name: 'team-01' });

    // Typed, and Next pressed before the debounce ran out.
    await userEvent.click(screen.getByRole('searchbox'));
    await userEvent.paste('team');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(searchParams().get('page')).toBe('2'));
    expect(searchParams().get('q')).toBe('team');

    // The debounce's time passes: nothing moves the reader back to the first page.
    await act(() => new Promise(r => setTimeout(r, SEARCH_DEBOUNCE_MS + 100)));
    expect(Object.fromEntries(searchParams())).toEqual({
      q: 'team',
      page: '2',
    });
    expect(
      await screen.findByRole('link', { name: 'team-21' }),
    ).toBeInTheDocument();
    expect(listConnectors).toHaveBeenLastCalledWith(
      expect.objectContaining({ text: 'team', offset: 20 }),
    );
  });

  it('empties the search box with "Clear filters", also before its text reached the URL', async () => {
    const listConnectors = jest.fn(async () => page([]));
    renderOverview(listConnectors, { url: '/?status=stale' });
    await screen.findByRole('button', { name: 'Clear filters' });
    await userEvent.click(screen.getByRole('searchbox'));
    await userEvent.paste('zeta');
    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    expect(screen.getByRole('searchbox')).toHaveValue('');
    await act(() => new Promise(r => setTimeout(r, SEARCH_DEBOUNCE_MS + 100)));
    expect(searchParams().toString()).toBe('');
  });

  it('shows the last page for a link past the end', async () => {
    const listConnectors = jest.fn(async (r: any) => twentyTwo(r));
    renderOverview(listConnectors, { url: '/?q=team&page=5' });
    expect(
      await screen.findByRole('link', { name: 'team-22' }),
    ).toBeInTheDocument();
    expect(searchParams().get('page')).toBe('2');
    expect(screen.getByText('21–22 of 22')).toBeInTheDocument();
  });
});
