import type { Entity } from '@backstage/catalog-model';
import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  componentEntity,
  healthyConnector,
  missingOrganization,
  pendingConnector,
  responseWith,
  unhealthyConnector,
  ZERO,
} from '../__fixtures__/defenderResponses';
import { backendError, PAYMENTS } from './renderDefenderCard';

/**
 * Every state of the card, each with what the backend answers and a selector that is on screen
 * once the state has rendered, whatever the language: for checks that go through them all
 * (accessibility, translation).
 */
export interface CardState {
  name: string;
  entity: Entity;
  answer: () => Promise<EntityDefenderResponse>;
  canRefresh?: boolean;
  ready: string;
}

const restricted = {
  status: 'notAllowed' as const,
  organization: 'initech',
  message: 'You may not see the Defender data of Docker Hub initech.',
};

export const CARD_STATES: CardState[] = [
  {
    name: 'no annotation',
    entity: componentEntity('docs-site'),
    answer: () => new Promise(() => {}),
    ready: 'pre',
  },
  {
    name: 'loading',
    entity: PAYMENTS,
    answer: () => new Promise(() => {}),
    ready: '[role="progressbar"]',
  },
  {
    name: 'error',
    entity: PAYMENTS,
    answer: async () => {
      throw await backendError(500, 'Error', 'database is locked');
    },
    ready: '[role="group"] button',
  },
  {
    name: 'not allowed to read (403)',
    entity: PAYMENTS,
    answer: async () => {
      throw await backendError(403, 'NotAllowedError', 'Missing permission');
    },
    ready: '[role="group"] code',
  },
  {
    name: 'not configured (503)',
    entity: PAYMENTS,
    answer: async () => {
      throw await backendError(503, 'ServiceUnavailableError', 'Set it up');
    },
    ready: 'pre',
  },
  {
    name: 'not onboarded',
    entity: PAYMENTS,
    answer: async () => responseWith([missingOrganization('globex')]),
    ready: '[data-status="missing"]',
  },
  {
    name: 'not allowed to see one connector',
    entity: PAYMENTS,
    answer: async () => responseWith([healthyConnector('acme'), restricted]),
    ready: '[data-status="notAllowed"]',
  },
  {
    name: 'pending',
    entity: PAYMENTS,
    answer: async () => responseWith([pendingConnector('acme')]),
    canRefresh: true,
    ready: '[data-status="pending"]',
  },
  {
    name: 'healthy',
    entity: PAYMENTS,
    // with "N fixable" and the link to the Findings tab
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          findings: { ...healthyConnector('acme').findings, fixable: 12 },
        }),
      ]),
    canRefresh: true,
    ready: 'table[aria-label]',
  },
  {
    name: 'healthy without findings',
    entity: PAYMENTS,
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          totals: ZERO,
          findings: { totals: ZERO, repositories: [], images: [], worst: [] },
        }),
      ]),
    ready: '[data-status="healthy"]',
  },
  {
    name: 'no findings data',
    entity: PAYMENTS,
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          findings: {
            totals: ZERO,
            repositories: [],
            images: [],
            worst: [],
            reported: false,
            missingSince: '2026-03-01T10:00:00.000Z',
          },
        }),
      ]),
    ready: '[data-testid="status-warning"]',
  },
  {
    name: 'unhealthy, first issue expanded',
    entity: PAYMENTS,
    answer: async () => responseWith([unhealthyConnector('initech')]),
    canRefresh: true,
    ready: '[aria-expanded="true"]',
  },
  {
    name: 'stale',
    entity: PAYMENTS,
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          status: 'stale',
          staleSince: '2026-03-01T09:00:00.000Z',
          lastError: 'AuthorizationFailed (x-ms-request-id 1234)',
          plans: {
            ...healthyConnector().plans,
            warnings: ['DefenderForContainersDockerHub'],
          },
        }),
      ]),
    ready: '[data-status="stale"]',
  },
  {
    name: 'token expiring (warning)',
    entity: PAYMENTS,
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          tokenExpiry: {
            expiresOn: '2026-04-15',
            daysLeft: 14,
            stage: 'warning',
          },
        }),
      ]),
    ready: '[data-token-expiry="warning"]',
  },
  {
    name: 'token expired',
    entity: PAYMENTS,
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          tokenExpiry: {
            expiresOn: '2026-04-01',
            daysLeft: 0,
            stage: 'expired',
          },
        }),
      ]),
    ready: '[data-token-expiry="expired"]',
  },
  {
    name: 'many connectors, one line each, with ignored values',
    entity: PAYMENTS,
    answer: async () =>
      responseWith(
        [
          healthyConnector('acme'),
          unhealthyConnector('initech'),
          pendingConnector('umbrella'),
          healthyConnector('zeta'),
          missingOrganization('globex'),
        ],
        {
          ignored: [
            {
              annotation: 'microsoft.com/defender-dockerhub-repository',
              value: 'acme/api:latest',
              reason: 'a repository is org/repo, without tag or digest',
            },
          ],
        },
      ),
    canRefresh: true,
    ready: '[data-connector="zeta"]',
  },
];
