import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { OwnerRollupResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { defenderApiRef, type DefenderApi } from '../../../api/DefenderApi';
import { defenderApiWith } from '../../../__fixtures__/defenderApiWith';
import { counts, ZERO } from '../../../__fixtures__/defenderResponses';
import { backendError } from '../../../__testUtils__/renderDefenderCard';
import {
  manyComponents,
  ownerConnector,
  ownerRollup,
} from '../../Rollup/__fixtures__/rollupResponses';
import { OwnerRollupView } from '../OwnerRollupView';

/** Two owners: a group with two connectors (one with 13 components), and connectors without. */
export const OWNERS: OwnerRollupResponse = {
  items: [
    ownerRollup('group:default/team-payments', [
      ownerConnector('acme', manyComponents(13)),
      ownerConnector('initech', ['component:default/legacy-billing'], {
        status: 'unhealthy',
        totals: counts(2, 1, 40, 50),
      }),
    ]),
    ownerRollup(undefined, [
      ownerConnector('globex', [], { status: 'pending', totals: ZERO }),
    ]),
  ],
};

/** The owner view in a test app with the catalog's entity route, the given answer, in `language`. */
export function renderOwnerView(
  getOwnerRollup: DefenderApi['getOwnerRollup'],
  language = 'en',
) {
  return renderInTestApp(<OwnerRollupView />, {
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    apis: [
      [defenderApiRef, defenderApiWith({ getOwnerRollup })],
      mockApis.appLanguage({
        defaultLanguage: language,
        availableLanguages: ['en', 'de'],
      }),
    ],
  });
}

/**
 * Every state of the view, each with the answer and a selector on screen once it has rendered,
 * whatever the language: for checks that go through them all (accessibility, translation).
 */
export const OWNER_VIEW_STATES: Array<{
  name: string;
  answer: DefenderApi['getOwnerRollup'];
  ready: string;
}> = [
  { name: 'owners', answer: async () => OWNERS, ready: 'section[data-owner]' },
  {
    name: 'loading',
    answer: () => new Promise(() => {}),
    ready: '[role="status"]',
  },
  { name: 'empty', answer: async () => ({ items: [] }), ready: 'p' },
  {
    name: 'refused (403)',
    answer: async () => {
      throw await backendError(403, 'NotAllowedError', 'Missing permission');
    },
    ready: '[role="alert"] code',
  },
  {
    name: 'failed (500)',
    answer: async () => {
      throw await backendError(500, 'Error', 'database is locked');
    },
    ready: '[role="alert"] button',
  },
];
