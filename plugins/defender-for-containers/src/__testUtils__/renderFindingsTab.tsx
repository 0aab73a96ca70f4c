import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { useAppLocation } from '@backstage/frontend-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import type { Finding } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef, type DefenderApi } from '../api/DefenderApi';
import { EntityDefenderFindingsContent } from '../components/FindingsTab/EntityDefenderFindingsContent';
import { defenderApiWith } from '../__fixtures__/defenderApiWith';
import {
  answerFindings,
  type FindingsContext,
} from '../__fixtures__/findingsBackend';
import { PAYMENTS } from './renderDefenderCard';

/** Test helpers of the Findings tab: the app around it, a backend over findings, its controls. */

/** The page's query string, as the app's location has it. */
function Search() {
  return <output data-testid="search">{useAppLocation().search}</output>;
}

export const searchParams = () =>
  new URLSearchParams(screen.getByTestId('search').textContent ?? '');

/**
 * A `getEntityFindings` that answers like the backend over `all` (filters, sort, cursors, 400 for
 * a cursor of another query), recording each request.
 */
export function findingsApi(all: Finding[], context: FindingsContext = {}) {
  const getEntityFindings = jest.fn(
    (_ref: Parameters<DefenderApi['getEntityFindings']>[0], request = {}) =>
      answerFindings(all, request, context),
  );
  return {
    api: defenderApiWith({ getEntityFindings }),
    getEntityFindings,
    /** The request of the last call. */
    lastRequest: () => getEntityFindings.mock.lastCall?.[1],
  };
}

/** The tab on the payments-api entity's page, at `url` (its query), in `language`. */
export function renderFindingsTab(
  api: DefenderApi,
  options: { url?: string; entity?: Entity; language?: string } = {},
) {
  return renderInTestApp(
    <EntityProvider entity={options.entity ?? PAYMENTS}>
      <EntityDefenderFindingsContent />
      <Search />
    </EntityProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [options.url ?? '/'],
      apis: [
        [defenderApiRef, api],
        mockApis.appLanguage({
          defaultLanguage: options.language ?? 'en',
          availableLanguages: ['en', 'de'],
        }),
      ],
    },
  );
}

/** The table's body rows, each as its cells' text. */
export function rows(): string[][] {
  const table = screen.getByRole('grid');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map(row =>
      [...row.querySelectorAll('[role="rowheader"], [role="gridcell"]')].map(
        cell => cell.textContent ?? '',
      ),
    );
}

/** Opens a Backstage UI select by its label and picks an option (several, for a multi-select). */
export async function choose(label: string, ...options: string[]) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(label) }),
  );
  for (const option of options) {
    await userEvent.click(await screen.findByRole('option', { name: option }));
  }
  if (options.length > 1 || screen.queryByRole('listbox')) {
    await userEvent.keyboard('{Escape}');
  }
}
