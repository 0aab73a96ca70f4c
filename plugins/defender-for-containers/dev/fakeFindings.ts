import { ResponseError } from '@backstage/errors';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { EntityFindingsResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import type { EntityFindingsRequest } from '../src/api/DefenderApi';
import { componentEntity } from '../src/__fixtures__/defenderResponses';
import { findingsOf } from '../src/__fixtures__/findings';
import {
  answerFindings,
  type FindingsContext,
} from '../src/__fixtures__/findingsBackend';

const hoursAgo = (hours: number) =>
  new Date(Date.now() - hours * 3600_000).toISOString();

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

const ACME = findingsOf('acme', ['payments-api'], 137);
const INITECH = findingsOf(
  'initech',
  ['billing', 'billing-worker', 'ledger'],
  240,
);

/**
 * The dev app's Findings tab, one entity per state: what each has, and what the fake backend
 * says besides (narrowed, truncated, hidden connectors). Names match the card states' entities,
 * so the card's "All findings" leads to the same data.
 */
export const FINDINGS_STATES: Array<{
  title: string;
  entity: ReturnType<typeof componentEntity>;
  answer: (request: EntityFindingsRequest) => Promise<EntityFindingsResponse>;
}> = [
  {
    title: '137 findings of one repository',
    entity: componentEntity('payments-api', {
      'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
    }),
    answer: request =>
      answerFindings(ACME, request, {
        entityRef: 'component:default/payments-api',
        narrowedTo: ['acme/payments-api'],
        refreshedAt: hoursAgo(2),
      }),
  },
  {
    title: 'A truncated organization, and one hidden from you',
    entity: componentEntity('platform', {
      'microsoft.com/defender-dockerhub-organization': 'acme, initech, globex',
    }),
    answer: request =>
      answerFindings([...ACME, ...INITECH], request, {
        entityRef: 'component:default/platform',
        refreshedAt: hoursAgo(5),
        truncated: [
          {
            connectorId: INITECH[0].connectorId,
            organization: 'initech',
            stored: INITECH.length,
            open: 1312,
          },
        ],
        notAllowed: [
          {
            status: 'notAllowed',
            organization: 'globex',
            message:
              'You may not read resource:default/defender-dockerhub-globex in the catalog.',
          },
        ],
      } satisfies FindingsContext),
  },
  {
    title: 'No findings',
    entity: componentEntity('clean', {
      'microsoft.com/defender-dockerhub-repository': 'umbrella/lab-ui',
    }),
    answer: request =>
      answerFindings([], request, {
        entityRef: 'component:default/clean',
        narrowedTo: ['umbrella/lab-ui'],
        refreshedAt: hoursAgo(1),
      }),
  },
  {
    title: 'Backend error',
    entity: componentEntity('error', {
      'microsoft.com/defender-dockerhub-repository': 'acme/api',
    }),
    answer: async () => {
      throw await backendError(500, 'Error', 'database is locked');
    },
  },
  {
    title: 'Not allowed (403)',
    entity: componentEntity('forbidden', {
      'microsoft.com/defender-dockerhub-repository': 'acme/api',
    }),
    answer: async () => {
      throw await backendError(
        403,
        'NotAllowedError',
        'Missing permission defender-for-containers.connector.read',
      );
    },
  },
];

/**
 * The dev app's `GET …/defender/findings`: the entity's state answered like the backend
 * (filters, sort, cursors, 400 for a stale cursor), after a moment, so loading shows.
 */
export async function fakeEntityFindings(
  ref: CompoundEntityRef,
  request: EntityFindingsRequest = {},
): Promise<EntityFindingsResponse> {
  await new Promise(resolve => setTimeout(resolve, 300));
  const state = FINDINGS_STATES.find(s => s.entity.metadata.name === ref.name);
  if (state) return state.answer(request);
  return answerFindings([], request, {
    entityRef: `${ref.kind}:${ref.namespace}/${ref.name}`.toLowerCase(),
  });
}
