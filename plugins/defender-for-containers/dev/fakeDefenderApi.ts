import { ResponseError } from '@backstage/errors';
import { fakeEntityFindings } from './fakeFindings';
import { fakeEntityRollup, fakeOwnerRollup } from './fakeRollups';
import type { DefenderApi } from '../src/api/DefenderApi';
import {
  componentEntity,
  healthyConnector,
  missingOrganization,
  pendingConnector,
  responseWith,
  unhealthyConnector,
  ZERO,
} from '../src/__fixtures__/defenderResponses';
import type { EntityDefenderResponse } from '@defender-backstage/plugin-defender-for-containers-common';

const backendError = (status: number, name: string, message: string) =>
  ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        response: { statusCode: status },
      }),
      { status, headers: { 'content-type': 'application/json' } },
    ),
  );

const repo = (name: string) => ({
  'microsoft.com/defender-dockerhub-repository': name,
});

/** One entity per card state, each answered by the fake API below. */
export const STATES: Array<{
  title: string;
  entity: ReturnType<typeof componentEntity>;
  answer: () => Promise<EntityDefenderResponse>;
}> = [
  {
    title: 'No annotation',
    entity: componentEntity('docs-site'),
    answer: () => new Promise(() => {}),
  },
  {
    title: 'Loading',
    entity: componentEntity('loading', repo('acme/api')),
    answer: () => new Promise(() => {}),
  },
  {
    title: 'Backend error',
    entity: componentEntity('error', repo('acme/api')),
    answer: async () => {
      throw await backendError(500, 'Error', 'database is locked');
    },
  },
  {
    title: 'Not allowed (403)',
    entity: componentEntity('forbidden', repo('acme/api')),
    answer: async () => {
      throw await backendError(
        403,
        'NotAllowedError',
        'Missing permission defender-for-containers.connector.read',
      );
    },
  },
  {
    title: 'Azure not configured (503)',
    entity: componentEntity('unconfigured', repo('acme/api')),
    answer: async () => {
      throw await backendError(
        503,
        'ServiceUnavailableError',
        'Defender for Containers is not configured: set defenderForContainers.azure.credential and defenderForContainers.azure.subscriptions',
      );
    },
  },
  {
    title: 'Not onboarded',
    entity: componentEntity('globex-svc', {
      'microsoft.com/defender-dockerhub-organization': 'globex',
    }),
    answer: async () => responseWith([missingOrganization('globex')]),
  },
  {
    title: 'Pending first scan',
    entity: componentEntity('new-svc', repo('acme/api')),
    answer: async () => responseWith([pendingConnector('acme')]),
  },
  {
    title: 'Healthy, no findings',
    entity: componentEntity('clean', repo('umbrella/lab-ui')),
    answer: async () =>
      responseWith([
        healthyConnector('umbrella', {
          totals: ZERO,
          findings: { totals: ZERO, repositories: [], images: [], worst: [] },
        }),
      ]),
  },
  {
    title: 'Healthy with findings',
    entity: componentEntity('payments-api', repo('acme/payments-api')),
    answer: async () => responseWith([healthyConnector('acme')]),
  },
  {
    title: 'Unhealthy',
    entity: componentEntity('legacy-billing', {
      'microsoft.com/defender-dockerhub-organization': 'initech',
    }),
    answer: async () => responseWith([unhealthyConnector('initech')]),
  },
  {
    title: 'Stale',
    entity: componentEntity('stale', repo('acme/api')),
    answer: async () =>
      responseWith([
        healthyConnector('acme', {
          status: 'stale',
          staleSince: new Date(Date.now() - 3600_000).toISOString(),
          lastError: '403 AuthorizationFailed (x-ms-request-id 8f1c…)',
        }),
      ]),
  },
  {
    title: 'Several connectors, ignored values',
    entity: componentEntity('platform', {
      'microsoft.com/defender-dockerhub-organization':
        'acme, initech, globex, Bad!',
    }),
    answer: async () =>
      responseWith(
        [
          healthyConnector('acme'),
          unhealthyConnector('initech'),
          missingOrganization('globex'),
        ],
        {
          ignored: [
            {
              annotation: 'microsoft.com/defender-dockerhub-organization',
              value: 'Bad!',
              reason:
                'not a Docker Hub organization name (2–255 lower-case letters, digits, - or _)',
            },
          ],
        },
      ),
  },
];

/** Answers each dev entity with its state; the overview lists the healthy and unhealthy ones. */
export const fakeDefenderApi: DefenderApi = {
  listAllowedSubscriptions: async () => [],
  getEntityDefender: async ref => {
    const state = STATES.find(s => s.entity.metadata.name === ref.name);
    return state ? state.answer() : responseWith([]);
  },
  listConnectors: async request => {
    const all = [
      healthyConnector('acme'),
      unhealthyConnector('initech'),
      pendingConnector('umbrella'),
    ].filter(c => !request?.status || c.status === request.status);
    return {
      items: all,
      totalCount: all.length,
      limit: request?.limit ?? 20,
      offset: 0,
    };
  },
  listConnectorOwners: async () => ['group:default/guests'],
  refreshConnector: async id => ({ id, requestedAt: new Date().toISOString() }),
  getEntityFindings: fakeEntityFindings,
  getEntityRollup: fakeEntityRollup,
  getOwnerRollup: fakeOwnerRollup,
};
