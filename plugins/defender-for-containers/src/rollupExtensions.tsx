import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDefenderRollupAvailable } from './components/Rollup/isDefenderRollupAvailable';

/**
 * `entity-card:defender-for-containers/rollup`: the roll-up on Group and System pages, in the
 * overview's main column (it has tables, too wide for the side). The filter is a function, the
 * same predicate the legacy `EntitySwitch` uses, so both systems show it on the same entities;
 * app-config can still override it with a filter predicate.
 * @public
 */
export const defenderRollupEntityCard = EntityCardBlueprint.make({
  name: 'rollup',
  params: {
    type: 'content',
    filter: isDefenderRollupAvailable,
    loader: () =>
      import('./components/Rollup/EntityDefenderRollupCard').then(m => (
        <m.EntityDefenderRollupCard />
      )),
  },
});
