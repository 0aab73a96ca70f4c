import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityFindingsResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import type { EntityFindingsRequest } from '../src/api/DefenderApi';

/** The dev app's Findings tab data (filled in with the tab). */
export async function fakeEntityFindings(
  ref: CompoundEntityRef,
  _request?: EntityFindingsRequest,
): Promise<EntityFindingsResponse> {
  return {
    entityRef: `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase(),
    items: [],
    totalCount: 0,
    counts: { critical: 0, high: 0, medium: 0, low: 0, total: 0, fixable: 0 },
    repositories: [],
    truncated: [],
    notAllowed: [],
  };
}
