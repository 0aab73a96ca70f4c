import type { EntityFindingsResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import type { DefenderApi } from '../api/DefenderApi';
import { defenderApiWith } from '../__fixtures__/defenderApiWith';
import { findingsOf } from '../__fixtures__/findings';
import { answerFindings } from '../__fixtures__/findingsBackend';
import { backendError } from './renderDefenderCard';

/**
 * Every state of the Findings tab, each with what the backend answers, the URL it is opened at
 * and a selector that is on screen once the state has rendered, whatever the language: for the
 * checks that go through them all (accessibility, translation).
 */
export interface FindingsTabState {
  name: string;
  api: () => DefenderApi;
  url?: string;
  ready: string;
}

const SIXTY = findingsOf('acme', ['payments-api', 'payments-worker'], 60);

const answering =
  (answer: DefenderApi['getEntityFindings']): (() => DefenderApi) =>
  () =>
    defenderApiWith({ getEntityFindings: jest.fn(answer) });

const failing = (status: number, name: string, message: string) =>
  answering(async () => {
    throw await backendError(status, name, message);
  });

const everything: Partial<EntityFindingsResponse> = {
  narrowedTo: ['acme/payments-api', 'acme/payments-worker'],
  refreshedAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
  truncated: [
    { connectorId: 'c-acme', organization: 'acme', stored: 5000, open: 7342 },
  ],
  notAllowed: [
    {
      status: 'notAllowed',
      organization: 'initech',
      message:
        'You may not read resource:default/defender-dockerhub-initech in the catalog.',
    },
  ],
};

export const FINDINGS_TAB_STATES: FindingsTabState[] = [
  {
    name: 'loading',
    api: answering(() => new Promise(() => {})),
    ready: '[role="status"]',
  },
  {
    name: 'findings, with every notice',
    api: answering((_ref, request) =>
      answerFindings(SIXTY, request, everything),
    ),
    ready: '[role="grid"] [data-severity]',
  },
  {
    name: 'filtered, sorted, on a shared link',
    api: answering((_ref, request) => answerFindings(SIXTY, request)),
    url: '/?severity=Critical,High&fixable=true&repository=acme%2Fpayments-api&q=CVE&sort=firstSeen&order=desc&pageSize=50',
    ready: '[role="grid"] [data-severity]',
  },
  {
    name: 'no finding matches the filters',
    api: answering((_ref, request) => answerFindings(SIXTY, request)),
    url: '/?q=no-such-package',
    ready: '[role="grid"] button',
  },
  {
    name: 'no findings at all',
    api: answering((_ref, request) =>
      answerFindings([], request, { narrowedTo: ['acme/payments-api'] }),
    ),
    ready: 'p[data-no-findings]',
  },
  {
    name: 'backend error',
    api: failing(500, 'Error', 'database is locked'),
    ready: '[role="alert"] button',
  },
  {
    name: 'not allowed (403)',
    api: failing(403, 'NotAllowedError', 'Missing permission'),
    ready: '[role="alert"] code',
  },
  {
    name: 'entity not readable (404)',
    api: failing(404, 'NotFoundError', 'No entity component:default/x'),
    ready: '[role="alert"] button',
  },
];
