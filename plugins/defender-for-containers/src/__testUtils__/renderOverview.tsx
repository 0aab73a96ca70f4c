import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  renderInTestApp,
  TestApiProvider,
} from '@backstage/frontend-test-utils';
import { useAppLocation } from '@backstage/frontend-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { ConnectorListResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef, type DefenderApi } from '../api/DefenderApi';
import { ConnectorsOverview } from '../components/ConnectorsOverview/ConnectorsOverview';
import type { healthyConnector } from '../__fixtures__/defenderResponses';

/** Test helpers of the overview page: its rows, the app around it, its controls. */

/** A connector as `GET /connectors` lists it (no issues, findings detail or trend). */
export const overview = (c: ReturnType<typeof healthyConnector>) => {
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

/** The page's query string, as the app's location has it. */
function Search() {
  return <output data-testid="search">{useAppLocation().search}</output>;
}

export function renderOverview(
  listConnectors: DefenderApi['listConnectors'],
  options: {
    url?: string;
    onboardingHref?: string;
    getOwnerRollup?: DefenderApi['getOwnerRollup'];
  } = {},
) {
  const api = {
    listConnectors,
    getOwnerRollup: options.getOwnerRollup,
    listConnectorOwners: async () => [
      'group:default/payments',
      'group:default/guests',
      'user:default/jdoe',
    ],
  } as DefenderApi;
  return renderInTestApp(
    <TestApiProvider apis={[[defenderApiRef, api]]}>
      <ConnectorsOverview onboardingHref={options.onboardingHref} />
      <Search />
    </TestApiProvider>,
    {
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [options.url ?? '/'],
    },
  );
}

export const page = (
  items: ConnectorListResponse['items'],
  totalCount = items.length,
  offset = 0,
  limit = 20,
): ConnectorListResponse => ({ items, totalCount, offset, limit });

export const searchParams = () =>
  new URLSearchParams(screen.getByTestId('search').textContent ?? '');

/** Opens a Backstage UI select by its label and picks an option. */
export async function choose(label: string, option: string) {
  await userEvent.click(
    screen.getByRole('button', { name: new RegExp(label) }),
  );
  await userEvent.click(await screen.findByRole('option', { name: option }));
}
