import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { defenderApiRef } from '../api/DefenderApi';
import { DefenderClient } from '../api/DefenderClient';
import type { DefenderCardProps } from '../components/DefenderCard/DefenderCard';

/**
 * Where an app built on the legacy frontend system mounts `DefenderForContainersPage`.
 * @public
 */
export const defenderForContainersRouteRef = createRouteRef({
  id: 'defender-for-containers',
});

/**
 * The plugin for apps on Backstage's legacy frontend system (`createApp` from
 * `@backstage/app-defaults`); apps on the new frontend system use the package's default export.
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
        import('../components/DefenderCard/DefenderCard').then(
          m => m.DefenderCard,
        ),
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
