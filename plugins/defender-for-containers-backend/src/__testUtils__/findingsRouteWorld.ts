import { mockCredentials } from '@backstage/backend-test-utils';
import {
  FINDING_SEVERITIES,
  type EntityFindingsResponse,
  type Finding,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Server } from 'node:http';
import request from 'supertest';
import { catalogAsCaller } from './catalogAsCaller';
import { componentEntity } from './componentEntity';
import { TOKENS } from './healthTestWorld';

/*
 * The findings route tests' catalog and client, on the health world's findings: acme 3 critical,
 * 3 high, 4 medium, 1 low in acme/payments-api and acme/web; team1 one high in team1/svc.
 */

export const READER = 'user:default/reader';
/** The only one who may read 'secret'. */
export const OWNER = 'user:default/owner';
const ORG = 'microsoft.com/defender-dockerhub-organization';

export const FINDINGS_ENTITIES = [
  componentEntity('payments-api', {
    'microsoft.com/defender-dockerhub-repository': 'acme/payments-api',
  }),
  componentEntity('acme-all', { [ORG]: 'acme' }),
  componentEntity('two-orgs', { [ORG]: 'acme, team1' }),
  componentEntity('secret', { [ORG]: 'acme' }),
];

/** The catalog as the caller reads it: 'secret' only for its owner. */
export const findingsCatalog = () =>
  catalogAsCaller(
    FINDINGS_ENTITIES,
    (user, e) => e.metadata.name !== 'secret' || user === OWNER,
  );

/** GET of a component's findings; every answer, refused or not, is checked for tokens. */
export async function getFindings(
  server: Server,
  name: string,
  query = '',
  { status = 200, user = READER } = {},
): Promise<EntityFindingsResponse> {
  const res = await request(server)
    .get(
      `/api/defender-for-containers/entities/component/default/${name}/defender/findings?${query}`,
    )
    .set('authorization', mockCredentials.user.header(user));
  for (const token of TOKENS) expect(res.text).not.toContain(token);
  expect(res.status).toBe(status);
  return res.body;
}

export const ids = (items: Finding[]) => items.map(f => f.id);
export const rank = (f: Finding) => FINDING_SEVERITIES.indexOf(f.severity);
