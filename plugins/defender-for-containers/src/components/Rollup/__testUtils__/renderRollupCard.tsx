import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { useAppLocation } from '@backstage/frontend-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { defenderApiRef, type DefenderApi } from '../../../api/DefenderApi';
import { EntityDefenderRollupCard } from '../EntityDefenderRollupCard';
import { TEAM } from '../__fixtures__/rollupResponses';

/** The page's query string, as the app's location has it. */
function Search() {
  return <output data-testid="search">{useAppLocation().search}</output>;
}

/**
 * The roll-up card in a test app as the new frontend system renders it: the entity in context,
 * the catalog's entity route (component links), the given Defender API, in `language`, at `url`.
 */
export function renderRollupCard(
  api: DefenderApi,
  options: { entity?: Entity; language?: string; url?: string } = {},
) {
  return renderInTestApp(
    <>
      <EntityProvider entity={options.entity ?? TEAM}>
        <EntityDefenderRollupCard />
      </EntityProvider>
      <Search />
    </>,
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
