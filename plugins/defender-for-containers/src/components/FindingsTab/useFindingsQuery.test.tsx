import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findingsOf } from '../../__fixtures__/findings';
import { SEARCH_DEBOUNCE_MS } from '../../hooks/useUrlQuery';
import {
  choose,
  findingsApi,
  renderFindingsTab,
  rows,
  searchParams,
} from '../../__testUtils__/renderFindingsTab';
import {
  findingsRequest,
  findingsSearchParams,
  parseFindingsQuery,
} from './useFindingsQuery';

/** 60 findings of two repositories: 15 per severity, 36 with a fix. */
const SIXTY = findingsOf('acme', ['payments-api', 'payments-worker'], 60);

const debounce = () =>
  act(() => new Promise(r => setTimeout(r, SEARCH_DEBOUNCE_MS + 100)));

describe('the Findings tab’s URL', () => {
  it('round-trips every filter, and only what differs from the defaults', () => {
    const query = parseFindingsQuery(
      new URLSearchParams(
        'severity=High,Critical&fixable=false&repository=acme%2Fapi&q=openssl&sort=image&order=desc&pageSize=50',
      ),
    );
    expect(query).toEqual({
      severity: ['Critical', 'High'],
      fixable: 'no',
      repository: 'acme/api',
      text: 'openssl',
      sort: 'image',
      order: 'desc',
      pageSize: 50,
    });
    expect(parseFindingsQuery(findingsSearchParams(query))).toEqual(query);
    expect(
      findingsSearchParams(
        parseFindingsQuery(new URLSearchParams()),
      ).toString(),
    ).toBe('');
  });

  it('ignores what it does not know instead of asking the backend for it', () => {
    expect(
      parseFindingsQuery(
        new URLSearchParams(
          'severity=Severe,,low&fixable=constructor&repository=no%20such%20repo&sort=cvss&order=up&pageSize=7',
        ),
      ),
    ).toEqual({
      severity: [],
      fixable: 'any',
      repository: undefined,
      text: '',
      sort: 'severity',
      order: 'asc',
      pageSize: 25,
    });
  });

  it('asks for what the backend accepts: a search of at most 100 characters, trimmed', () => {
    const query = parseFindingsQuery(new URLSearchParams());
    expect(findingsRequest({ ...query, text: `  ${'a'.repeat(150)}` }).q).toBe(
      'a'.repeat(100),
    );
    expect(findingsRequest({ ...query, text: '   ' }).q).toBeUndefined();
  });

  it('shows the view a shared link describes: the request and every control', async () => {
    const { api, getEntityFindings } = findingsApi(SIXTY);
    renderFindingsTab(api, {
      url: '/?severity=High,Critical&fixable=false&repository=acme%2Fpayments-worker&q=zlib&sort=image&order=desc&pageSize=50',
    });
    await screen.findByText(/^1–\d+ of \d+$/);
    expect(getEntityFindings).toHaveBeenCalledTimes(1);
    expect(getEntityFindings.mock.calls[0][1]).toEqual({
      severity: ['Critical', 'High'],
      fixable: false,
      repository: 'acme/payments-worker',
      q: 'zlib',
      sort: 'image',
      order: 'desc',
      limit: 50,
    });
    // what the fake backend found for exactly that query
    expect(rows()).toHaveLength(3);
    expect(
      rows().every(r => r[1] === 'zlib' && r[5] === 'No fix available'),
    ).toBe(true);
    expect(rows().every(r => r[0].startsWith('acme/payments-worker'))).toBe(
      true,
    );

    expect(screen.getByRole('checkbox', { name: 'Critical' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'High' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Medium' })).not.toBeChecked();
    expect(
      screen.getByRole('button', { name: /Fix available/ }),
    ).toHaveTextContent('Without fix');
    expect(
      screen.getByRole('button', { name: /Repository/ }),
    ).toHaveTextContent('acme/payments-worker');
    expect(screen.getByRole('searchbox')).toHaveValue('zlib');
    expect(screen.getByRole('columnheader', { name: /Image/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(
      screen.getByRole('button', { name: /Rows per page/ }),
    ).toHaveTextContent('50 rows');
  });

  it('asks the backend for what the filters say, and writes each to the URL', async () => {
    const { api, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Low' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Critical' }));
    await screen.findByText('1–25 of 30');
    expect(lastRequest()).toMatchObject({ severity: ['Critical', 'Low'] });
    expect(searchParams().get('severity')).toBe('Critical,Low');
    expect(rows().every(r => ['Critical', 'Low'].includes(r[3]))).toBe(true);

    await choose('Fix available', 'With fix');
    await waitFor(() => expect(lastRequest()).toMatchObject({ fixable: true }));
    expect(searchParams().get('fixable')).toBe('true');
    await waitFor(() =>
      expect(rows().every(r => r[5] !== 'No fix available')).toBe(true),
    );

    await choose('Repository', 'acme/payments-worker');
    await waitFor(() =>
      expect(lastRequest()).toMatchObject({
        repository: 'acme/payments-worker',
      }),
    );
    expect(searchParams().get('repository')).toBe('acme/payments-worker');

    await userEvent.type(screen.getByRole('searchbox'), 'curl');
    await debounce();
    await waitFor(() => expect(lastRequest()).toMatchObject({ q: 'curl' }));
    expect(Object.fromEntries(searchParams())).toEqual({
      severity: 'Critical,Low',
      fixable: 'true',
      repository: 'acme/payments-worker',
      q: 'curl',
    });
    await waitFor(() => expect(rows().every(r => r[1] === 'curl')).toBe(true));
  });

  it('brings the same view back after a reload, from the URL alone', async () => {
    const { api, getEntityFindings, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');
    await userEvent.click(screen.getByRole('checkbox', { name: 'High' }));
    await choose('Rows per page', '50 rows');
    await userEvent.click(
      screen.getByRole('columnheader', { name: /Package/ }),
    );
    await waitFor(() => expect(searchParams().get('sort')).toBe('package'));
    await screen.findByText('1–15 of 15');
    const before = lastRequest();

    // A reload: a new app at the same URL.
    const url = `/?${searchParams()}`;
    cleanup();
    getEntityFindings.mockClear();
    renderFindingsTab(api, { url });
    await screen.findByText('1–15 of 15');
    expect(getEntityFindings).toHaveBeenCalledTimes(1);
    expect(lastRequest()).toEqual(before);
  });

  it('pages forward and back with the backend’s cursors', async () => {
    const { api, getEntityFindings } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');
    const first = rows();
    const answers = () =>
      Promise.all(getEntityFindings.mock.results.map(r => r.value));
    const previous = () =>
      screen.getByRole('button', { name: 'Previous page' });
    const next = () => screen.getByRole('button', { name: 'Next page' });
    expect(previous()).toBeDisabled();

    await userEvent.click(next());
    await screen.findByText('26–50 of 60');
    const [page1] = await answers();
    expect(getEntityFindings.mock.lastCall![1]).toMatchObject({
      cursor: page1.nextCursor,
    });
    const second = rows();
    expect(second[0]).not.toEqual(first[0]);

    await userEvent.click(next());
    await screen.findByText('51–60 of 60');
    expect(rows()).toHaveLength(10);
    expect(next()).toBeDisabled();

    await userEvent.click(previous());
    await screen.findByText('26–50 of 60');
    expect(getEntityFindings.mock.lastCall![1]).toMatchObject({
      cursor: page1.nextCursor,
    });
    expect(rows()).toEqual(second);

    await userEvent.click(previous());
    await screen.findByText('1–25 of 60');
    expect(getEntityFindings.mock.lastCall![1]).not.toHaveProperty('cursor');
    expect(rows()).toEqual(first);
    // paging is not in the URL: a reload starts at the first page of the same view
    expect(searchParams().toString()).toBe('');
  });

  it('starts at the first page when a filter changes', async () => {
    const { api, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('26–50 of 60');

    await userEvent.click(screen.getByRole('checkbox', { name: 'Medium' }));
    expect(await screen.findByText('1–15 of 15')).toBeInTheDocument();
    expect(lastRequest()).toEqual({
      severity: ['Medium'],
      sort: 'severity',
      order: 'asc',
      limit: 25,
    });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('applies a search still waiting for its debounce when Next is pressed, instead of paging the old view', async () => {
    const { api, getEntityFindings, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');

    await userEvent.click(screen.getByRole('searchbox'));
    await userEvent.paste('openssl');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('1–6 of 6');
    expect(searchParams().get('q')).toBe('openssl');
    expect(lastRequest()).toEqual({
      q: 'openssl',
      sort: 'severity',
      order: 'asc',
      limit: 25,
    });

    // The debounce's time passes: no request of the old view's second page, none after.
    const calls = getEntityFindings.mock.calls.length;
    await debounce();
    expect(getEntityFindings.mock.calls.length).toBe(calls);
    expect(
      getEntityFindings.mock.calls.some(([, r]) => r?.cursor !== undefined),
    ).toBe(false);
  });

  it('keeps a filter set while the search waited for its debounce, and the page moved to after it', async () => {
    const { api, lastRequest } = findingsApi(SIXTY);
    renderFindingsTab(api);
    await screen.findByText('1–25 of 60');

    await userEvent.click(screen.getByRole('searchbox'));
    await userEvent.paste('CVE-2025');
    await userEvent.click(screen.getByRole('checkbox', { name: 'High' }));
    await debounce();
    expect(Object.fromEntries(searchParams())).toEqual({
      severity: 'High',
      q: 'CVE-2025',
    });
    await waitFor(() =>
      expect(lastRequest()).toMatchObject({
        severity: ['High'],
        q: 'CVE-2025',
      }),
    );
    await screen.findByText('1–12 of 12');

    // After the search landed, paging stays where the reader moved it.
    await userEvent.click(screen.getByRole('checkbox', { name: 'High' }));
    await screen.findByText('1–25 of 48');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByText('26–48 of 48');
    await debounce();
    expect(screen.getByText('26–48 of 48')).toBeInTheDocument();
    expect(lastRequest()).toHaveProperty('cursor');
  });
});
