import { act, fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { useAppLocation, useAppNavigate } from '@backstage/frontend-plugin-api';
import {
  SEARCH_DEBOUNCE_MS,
  useUrlQuery,
  type UrlQueryCodec,
} from './useUrlQuery';

/** A view with a search box, a colour filter and a page, the least that shows the races. */
interface Query {
  text: string;
  color?: string;
  page: number;
}

const codec: UrlQueryCodec<Query> = {
  parse: p => ({
    text: p.get('q') ?? '',
    color: p.get('color') ?? undefined,
    page: Number(p.get('page') ?? 0),
  }),
  write: q => {
    const p = new URLSearchParams();
    if (q.color) p.set('color', q.color);
    if (q.text) p.set('q', q.text);
    if (q.page) p.set('page', String(q.page));
    return p;
  },
  keys: ['q', 'color', 'page'],
  reset: { page: 0 },
};

function View() {
  const { query, update, text, setText } = useUrlQuery(codec);
  const navigate = useAppNavigate();
  return (
    <>
      <input
        aria-label="search"
        value={text}
        onChange={e => setText(e.target.value)}
      />
      <button onClick={() => update({ page: query.page + 1 })}>next</button>
      <button onClick={() => update({ color: 'red' })}>red</button>
      {/* another part of the app, or Back, changing the URL */}
      <button onClick={() => navigate('/?color=blue&tab=code')}>
        elsewhere
      </button>
      <output data-testid="search">{useAppLocation().search}</output>
    </>
  );
}

const url = () =>
  Object.fromEntries(
    new URLSearchParams(screen.getByTestId('search').textContent ?? ''),
  );
const type = (text: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: 'search' }), {
    target: { value: text },
  });
const click = (name: string) =>
  fireEvent.click(screen.getByRole('button', { name }));
const debounce = () =>
  act(() => new Promise(r => setTimeout(r, SEARCH_DEBOUNCE_MS + 100)));

async function renderView(initial = '/') {
  await renderInTestApp(<View />, { initialRouteEntries: [initial] });
  await screen.findByRole('textbox', { name: 'search' });
}

describe('useUrlQuery', () => {
  it('writes the search text once typing paused, from the first page', async () => {
    await renderView('/?page=3');
    type('acme');
    expect(url()).toEqual({ page: '3' });
    await debounce();
    expect(url()).toEqual({ q: 'acme' });
  });

  it('carries a text still waiting for its debounce along with any other change', async () => {
    await renderView();
    type('acme');
    click('red');
    // at once, not after the debounce
    expect(url()).toEqual({ color: 'red', q: 'acme' });
  });

  it('never lets a late debounced write undo a page the reader moved to', async () => {
    await renderView();
    type('acme');
    click('next');
    await debounce();
    expect(url()).toEqual({ q: 'acme', page: '1' });
  });

  it('writes the debounced text onto the latest URL, keeping what others set meanwhile', async () => {
    await renderView('/?tab=docs');
    type('acme');
    click('elsewhere');
    expect(url()).toEqual({ color: 'blue', tab: 'code' });
    await debounce();
    expect(url()).toEqual({ color: 'blue', tab: 'code', q: 'acme' });
  });

  it('keeps the parameters it does not own', async () => {
    await renderView('/?tab=docs&page=2');
    click('red');
    expect(url()).toEqual({ tab: 'docs', color: 'red' });
  });

  it('follows the URL when it changes under the box (Back, a link)', async () => {
    await renderView('/?q=old');
    expect(screen.getByRole('textbox', { name: 'search' })).toHaveValue('old');
    click('elsewhere');
    expect(screen.getByRole('textbox', { name: 'search' })).toHaveValue('');
  });
});
