import type { Entity } from '@backstage/catalog-model';

/** The kinds the backend rolls up (it answers 400 for any other). */
const ROLLUP_KINDS = ['group', 'system'];

/**
 * True for a Group or a System: the roll-up card's filter, and the legacy `EntitySwitch`
 * condition. Not whether any component is annotated: the card says what to add when none is.
 * @public
 */
export function isDefenderRollupAvailable(entity: Entity): boolean {
  return ROLLUP_KINDS.includes(entity.kind.toLowerCase());
}
