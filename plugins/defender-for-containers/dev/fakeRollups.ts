import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  EntityRollupResponse,
  OwnerRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';

/** The dev app's roll-up card data (filled in with the card). */
export async function fakeEntityRollup(
  ref: CompoundEntityRef,
): Promise<EntityRollupResponse> {
  return {
    entityRef: `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase(),
    includesChildGroups: false,
    components: [],
    componentCount: 0,
    connectors: [],
    notAllowed: [],
    totals: { critical: 0, high: 0, medium: 0, low: 0 },
    fixable: 0,
  };
}

/** The dev app's owner view data (filled in with the view). */
export async function fakeOwnerRollup(): Promise<OwnerRollupResponse> {
  return { items: [] };
}
