import type { Entity } from '@backstage/catalog-model';
import type { EntityRollupResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { backendError } from '../../../__testUtils__/renderDefenderCard';
import { ZERO } from '../../../__fixtures__/defenderResponses';
import {
  RESTRICTED,
  rollupComponent,
  rollupWith,
  SYSTEM,
  TEAM,
  teamRollup,
} from '../__fixtures__/rollupResponses';

/**
 * Every state of the roll-up card, each with what the backend answers and a selector that is on
 * screen once it has rendered, whatever the language: for checks that go through them all
 * (accessibility, translation).
 */
export interface RollupState {
  name: string;
  entity: Entity;
  url?: string;
  answer: (children: boolean) => Promise<EntityRollupResponse>;
  ready: string;
}

export const ROLLUP_STATES: RollupState[] = [
  {
    name: 'loading',
    entity: TEAM,
    answer: () => new Promise(() => {}),
    ready: '[role="progressbar"]',
  },
  {
    name: 'error',
    entity: TEAM,
    answer: async () => {
      throw await backendError(500, 'Error', 'database is locked');
    },
    ready: '[role="group"] button',
  },
  {
    name: 'not allowed (403)',
    entity: TEAM,
    answer: async () => {
      throw await backendError(403, 'NotAllowedError', 'Missing permission');
    },
    ready: '[role="group"] code',
  },
  {
    name: 'not found or hidden (404)',
    entity: TEAM,
    answer: async () => {
      throw await backendError(404, 'NotFoundError', 'No such entity');
    },
    ready: '[role="group"] button',
  },
  {
    name: 'another kind (400)',
    entity: TEAM,
    answer: async () => {
      throw await backendError(400, 'InputError', 'Only Group and System');
    },
    ready: '[role="group"] button',
  },
  {
    name: 'group with components',
    entity: TEAM,
    answer: async children => teamRollup(children),
    ready: 'table[aria-label]',
  },
  {
    name: 'group with child groups, truncated, one connector not allowed',
    entity: TEAM,
    url: '/?rollupChildren=1',
    answer: async children => ({
      ...teamRollup(children),
      componentsTruncated: true,
      notAllowed: [RESTRICTED],
    }),
    ready: '[data-testid="rollup-truncated"]',
  },
  {
    name: 'group with many components',
    entity: TEAM,
    answer: async () =>
      rollupWith({
        components: Array.from({ length: 14 }, (_, i) =>
          rollupComponent(`svc-${i + 1}`, 'acme', ZERO),
        ),
        componentCount: 14,
      }),
    ready: 'table[aria-label] + button',
  },
  {
    name: 'system',
    entity: SYSTEM,
    answer: async () => rollupWith({ entityRef: 'system:default/payments' }),
    ready: 'table[aria-label]',
  },
  {
    name: 'no annotated component',
    entity: TEAM,
    answer: async () =>
      rollupWith({
        components: [],
        componentCount: 3,
        connectors: [],
        totals: ZERO,
        fixable: 0,
      }),
    ready: 'pre',
  },
  {
    name: 'no component at all, one connector not allowed',
    entity: TEAM,
    answer: async () =>
      rollupWith({
        components: [],
        componentCount: 0,
        connectors: [],
        notAllowed: [RESTRICTED],
        totals: ZERO,
        fixable: 0,
      }),
    ready: '[data-testid="rollup-not-allowed"]',
  },
];
