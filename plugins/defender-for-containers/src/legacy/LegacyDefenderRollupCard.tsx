import { createComponentExtension } from '@backstage/core-plugin-api';
import type { DefenderRollupCardProps } from '../components/Rollup/EntityDefenderRollupCard';
import { defenderForContainersPlugin } from './plugin';

export { isDefenderRollupAvailable } from '../components/Rollup/isDefenderRollupAvailable';
export type { DefenderRollupCardProps } from '../components/Rollup/EntityDefenderRollupCard';

/**
 * The roll-up card for a legacy `EntityPage` of Groups and Systems, inside
 * `<EntitySwitch.Case if={isDefenderRollupAvailable}>`. It needs no route of the app's: its
 * component links use the catalog's entity route, as every catalog link does.
 * @public
 */
export const EntityDefenderRollupCard: (
  props: DefenderRollupCardProps,
) => JSX.Element | null = defenderForContainersPlugin.provide(
  createComponentExtension({
    name: 'EntityDefenderRollupCard',
    component: {
      lazy: () =>
        import('../components/Rollup/EntityDefenderRollupCard').then(
          m => m.EntityDefenderRollupCard,
        ),
    },
  }),
);
