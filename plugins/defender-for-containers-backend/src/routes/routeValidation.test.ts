import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import express from 'express';
import request from 'supertest';
import { createRouter } from './createRouter';
import type { DefenderHealthService } from '../service/DefenderHealthService';

// The routes' input checks, without a database: a health service that records what reached it.
// A refused request never reaches it. (Written against the survivors of `yarn mutation`.)
const SUB = 'aaaaaaaa-0000-0000-0000-00000000000a';
const ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/dockerhub-acme`;

async function routes() {
  const calls: Array<[string, unknown]> = [];
  const health = {
    getEntityHealth: async (ref: unknown) => {
      calls.push(['entity', ref]);
      return {};
    },
    listConnectors: async (query: unknown) => {
      calls.push(['list', query]);
      return { items: [], totalCount: 0 };
    },
    requestConnectorRefresh: async (id: string) => {
      calls.push(['refresh', id]);
      return { accepted: true, response: {} };
    },
  } as unknown as DefenderHealthService;
  const app = express();
  app.use(
    createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      permissions: mockServices.permissions(),
      health,
      allowedSubscriptions: [],
    }),
  );
  app.use(
    MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    }).error(),
  );
  return { app, calls };
}

describe('health routes refuse malformed input with 400, naming the field', () => {
  it.each([
    ['organization', 'organization=acme!', 'Invalid query: organization'],
    [
      'organization (prefix only valid)',
      'organization=acme%20x',
      'Invalid query: organization',
    ],
    [
      'organization (suffix only valid)',
      'organization=-acme',
      'Invalid query: organization',
    ],
    [
      'subscriptionId',
      `subscriptionId=x${SUB}`,
      'Invalid query: subscriptionId',
    ],
    [
      'subscriptionId (trailing)',
      `subscriptionId=${SUB}x`,
      'Invalid query: subscriptionId',
    ],
    [
      'owner',
      'owner=not%20an%20owner',
      'Invalid query: owner expected an entity ref such as group:default/team-a',
    ],
    ['owner (too long)', `owner=${'a'.repeat(256)}`, 'Invalid query: owner'],
    ['status', 'status=broken', 'Invalid query: status'],
    ['text (blank)', 'text=%20%20', 'Invalid query: text'],
    ['limit', 'limit=201', 'Invalid query: limit'],
    ['an unknown key', 'evil=1', 'Invalid query: query'],
  ])('GET /connectors with a bad %s', async (_what, query, message) => {
    const { app, calls } = await routes();
    const res = await request(app).get(`/connectors?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message.startsWith(message)).toBe(true);
    expect(calls).toEqual([]);
  });

  it('passes a valid list query on, parsed', async () => {
    const { app, calls } = await routes();
    const res = await request(app).get(
      `/connectors?organization=Acme_1&subscriptionId=${SUB.toUpperCase()}&owner=team-a&text=%20acme%20&limit=5`,
    );
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      [
        'list',
        {
          organization: 'Acme_1',
          subscriptionId: SUB.toUpperCase(),
          owner: 'group:default/team-a',
          text: 'acme',
          limit: 5,
          offset: 0,
        },
      ],
    ]);
  });

  it('accepts every status, order and offset a client may send', async () => {
    const { app, calls } = await routes();
    for (const status of ['healthy', 'unhealthy', 'pending', 'stale']) {
      expect(
        (await request(app).get(`/connectors?status=${status}`)).status,
      ).toBe(200);
    }
    for (const order of ['asc', 'desc']) {
      expect(
        (await request(app).get(`/connectors?sort=organization&order=${order}`))
          .status,
      ).toBe(200);
    }
    expect((await request(app).get('/connectors?offset=100000')).status).toBe(
      200,
    );
    expect(calls).toHaveLength(7);
    for (const offset of ['-1', '100001']) {
      expect(
        (await request(app).get(`/connectors?offset=${offset}`)).status,
      ).toBe(400);
    }
  });

  it('names every bad field at once', async () => {
    const { app } = await routes();
    const res = await request(app).get('/connectors?status=x&limit=0');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Invalid query: status .+; limit .+$/,
    );
  });

  it('refuses a malformed entity reference and a malformed connector id, saying what is expected', async () => {
    const { app: app2 } = await routes();
    expect(
      (await request(app2).get('/entities/component/default/ok!/defender'))
        .status,
    ).toBe(400);
    const { app, calls } = await routes();
    const entity = await request(app).get(
      '/entities/component/default/-x/defender',
    );
    expect(entity.status).toBe(400);
    expect(entity.body.error.message).toMatch(
      /^Invalid entity reference: name /,
    );
    const refresh = await request(app).post(
      `/connectors/${encodeURIComponent(`${ID}/../x`)}/refresh`,
    );
    expect(refresh.status).toBe(400);
    expect(refresh.body.error.message).toBe(
      'Invalid connector id: id expected a URL-encoded security connector id: /subscriptions/<GUID>/resourceGroups/<group>/providers/Microsoft.Security/securityConnectors/<name>',
    );
    expect(calls).toEqual([]);
    const ok = await request(app).post(
      `/connectors/${encodeURIComponent(ID)}/refresh`,
    );
    expect(ok.status).toBe(202);
    expect(calls).toEqual([['refresh', ID]]);
  });
});
