import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { defenderApiRef } from '../api/DefenderApi';
import { DefenderClient } from '../api/DefenderClient';
import type { DefenderCardProps } from '../components/DefenderCard/DefenderCard';
import {
  defenderForContainersRouteRef,
  legacyOnboardingTemplateRouteRef,
  legacyRotateTemplateRouteRef,
} from './routes';

export {
  defenderForContainersRouteRef,
  legacyOnboardingTemplateRouteRef,
  legacyRotateTemplateRouteRef,
} from './routes';

/**
 * The plugin for apps on Backstage's legacy frontend system (`createApp` from
 * `@backstage/app-defaults`); apps on the new frontend system use the package's default export.
 * Bind `externalRoutes.onboardingTemplate` and `externalRoutes.rotateTemplate` to
 * `scaffolderPlugin.routes.selectedTemplate`.
 * @public
 */
export const defenderForContainersPlugin = createPlugin({
  id: 'defender-for-containers',
  apis: [
    createApiFactory({
      api: defenderApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DefenderClient(deps),
    }),
  ],
  routes: { root: defenderForContainersRouteRef },
  externalRoutes: {
    onboardingTemplate: legacyOnboardingTemplateRouteRef,
    rotateTemplate: legacyRotateTemplateRouteRef,
  },
});

/**
 * The entity card for a legacy `EntityPage`, inside
 * `<EntitySwitch.Case if={isDefenderForContainersAvailable}>`. Outside such a case it shows
 * entities without annotations what to add.
 * @public
 */
export const EntityDefenderForContainersCard: (
  props: DefenderCardProps,
) => JSX.Element | null = defenderForContainersPlugin.provide(
  createComponentExtension({
    name: 'EntityDefenderForContainersCard',
    component: {
      lazy: () =>
        import('./LegacyDefenderCard').then(m => m.LegacyDefenderCard),
    },
  }),
);

/**
 * The entity page's Findings tab for a legacy `EntityPage`:
 * `<EntityLayout.Route path="/defender-findings" title="Findings" if={isDefenderForContainersAvailable}>`
 * (the card's "All findings" leads to `defender-findings` under the entity's page). Filters,
 * search, sort and page size live in the URL's query.
 * @public
 */
export const EntityDefenderFindingsContent: () => JSX.Element | null =
  defenderForContainersPlugin.provide(
    createComponentExtension({
      name: 'EntityDefenderFindingsContent',
      component: {
        lazy: () =>
          import(
            '../components/FindingsTab/EntityDefenderFindingsContent'
          ).then(m => m.EntityDefenderFindingsContent),
      },
    }),
  );

/**
 * The connectors overview page for a legacy app's routes, with its own header.
 * @public
 */
export const DefenderForContainersPage: () => JSX.Element | null =
  defenderForContainersPlugin.provide(
    createRoutableExtension({
      name: 'DefenderForContainersPage',
      component: () =>
        import('./LegacyConnectorsOverviewPage').then(
          m => m.LegacyConnectorsOverviewPage,
        ),
      mountPoint: defenderForContainersRouteRef,
    }),
  );
