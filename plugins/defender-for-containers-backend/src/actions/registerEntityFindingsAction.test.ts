import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  callMcp,
  listMcpToolNames,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { Server } from 'node:http';
import { catalogAsCaller } from '../__testUtils__/catalogAsCaller';
import { componentEntity } from '../__testUtils__/componentEntity';
import { ACME, TOKENS } from '../__testUtils__/healthTestWorld';
import { startFindingsTestBackend } from '../__testUtils__/startFindingsTestBackend';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { registerEntityFindingsAction } from './registerEntityFindingsAction';

jest.setTimeout(120_000);

const READER = 'user:default/reader';
const NOBODY = 'user:default/no-read-permission';
const TOOL = 'defender-for-containers.get-entity-findings';
const ORG = 'microsoft.com/defender-dockerhub-organization';
const ENTITIES = [
  componentEntity('two-orgs', { [ORG]: 'acme, team1' }),
  componentEntity('secret', { [ORG]: 'acme' }),
];
const mayRead = (_user: string | undefined, e: Entity) =>
  e.metadata.name !== 'secret';
/** The policy under test: who is not NOBODY may read connectors. */
const permissions = mockServices.permissions.mock({
  authorize: async (requests, options) =>
    requests.map(() => ({
      result:
        (options?.credentials?.principal as any)?.userEntityRef === NOBODY
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
});

describe('AI action: findings of an entity (over MCP)', () => {
  const emulator = useHealthEmulator();
  let server: Server;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ server, stop } = await startFindingsTestBackend({
      emulator,
      mcp: true,
      features: [
        catalogAsCaller(ENTITIES, mayRead).mock.factory,
        permissions.factory,
      ],
    }));
  });
  afterAll(() => stop());

  /** One tool call; no answer ever carries a token. */
  const call = async (
    args: Record<string, unknown>,
    user = READER,
    srv = server,
  ) => {
    const answer = await callMcp(srv, {
      method: 'tools/call',
      params: {
        name: TOOL,
        arguments: { entityRef: 'component:default/two-orgs', ...args },
      },
      authorization: mockCredentials.user.header(user),
    });
    for (const token of TOKENS)
      expect(JSON.stringify(answer)).not.toContain(token);
    return answer.result;
  };
  const ids = (out: any): string[] => out.findings.map((f: any) => f.id);

  it('is a read-only tool whose input takes no unknown keys', async () => {
    const { result } = await callMcp(server, {
      method: 'tools/list',
      authorization: mockCredentials.user.header(READER),
    });
    expect(result.tools.find((t: any) => t.name === TOOL)).toMatchObject({
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      },
      inputSchema: { required: ['entityRef'], additionalProperties: false },
    });
  });

  it('answers a page with a summary and totalCount, and nextCursor fetches the next page', async () => {
    const whole = (await call({ limit: 100 })).structuredContent;
    expect(whole.totalCount).toBe(12);
    expect(whole.nextCursor).toBeUndefined();
    const first = (await call({ limit: 5 })).structuredContent;
    expect(first).toMatchObject({
      entityRef: 'component:default/two-orgs',
      totalCount: 12,
      nextCursor: expect.any(String),
      response: { totalCount: 12, counts: { total: 12 } },
    });
    expect(first.summary).toMatch(
      /^12 open findings \(3 critical, 4 high, 4 medium, 1 low; \d+ with a fix\); 12 match the filters$/,
    );
    expect(first.findings).toEqual(first.response.items);
    const seen = ids(first);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await call({ limit: 5, cursor })).structuredContent;
      seen.push(...ids(page));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(ids(whole));
  });

  it('filters as the Findings tab does, and refuses a cursor of other filters', async () => {
    const all = (await call({ limit: 100 })).structuredContent.findings;
    const cve = all[3].cves[0];
    const severe = (await call({ severity: ['Critical', 'High'], limit: 2 }))
      .structuredContent;
    expect(severe.totalCount).toBe(7);
    expect(severe.summary).toMatch(/; 7 match the filters$/);
    const found = (await call({ search: ` ${cve.toLowerCase()} ` }))
      .structuredContent;
    expect(found.findings.map((f: any) => f.id)).toEqual(
      all.filter((f: any) => f.cves.includes(cve)).map((f: any) => f.id),
    );
    const fixable = (await call({ fixable: true, repository: 'ACME/web' }))
      .structuredContent;
    expect(
      fixable.findings.every(
        (f: any) => f.fixedVersion && f.repository === 'acme/web',
      ),
    ).toBe(true);
    const other = await call({
      severity: ['Critical'],
      cursor: severe.nextCursor,
    });
    expect(other.isError).toBe(true);
    expect(other.content[0].text).toMatch(/^InputError: .*first page/);
  });

  it('refuses unknown or out-of-range input', async () => {
    for (const [args, named] of [
      [{ q: 'openssl' }, "Unrecognized key(s) in object: 'q'"],
      [{ limit: 101 }, '"limit"'],
      [{ severity: ['Urgent'] }, '"severity"'],
      [{ repository: 'x' }, '"repository"'],
    ] as const) {
      const result = await call(args);
      expect([args, result.isError]).toEqual([args, true]);
      expect(result.structuredContent).toBeUndefined();
      expect(result.content[0].text).toMatch(
        /^InputError: Invalid input to action/,
      );
      expect(result.content[0].text).toContain(named);
    }
  });

  it('says which connectors were cut in its summary', async () => {
    const cut = await startFindingsTestBackend({
      emulator,
      mcp: true,
      health: { findings: { maxPerConnector: 5 } },
      features: [
        catalogAsCaller(ENTITIES, mayRead).mock.factory,
        permissions.factory,
      ],
    });
    try {
      const out = (await call({}, READER, cut.server)).structuredContent;
      expect(out.summary).toContain(
        'acme: only the 5 most severe of 11 open findings are kept',
      );
      expect(out.response.truncated).toEqual([
        { connectorId: ACME, organization: 'acme', stored: 5, open: 11 },
      ]);
    } finally {
      await cut.stop();
    }
  });

  it('is hidden from a caller without the read permission, and says nothing else', async () => {
    expect(
      await listMcpToolNames(server, mockCredentials.user.header(READER)),
    ).toContain(TOOL);
    expect(
      await listMcpToolNames(server, mockCredentials.user.header(NOBODY)),
    ).not.toContain(TOOL);
    const result = await call({}, NOBODY);
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([
      { type: 'text', text: `NotFoundError: Action "${TOOL}" not found` },
    ]);
    const hidden = await call({ entityRef: 'component:default/secret' });
    expect(hidden.content[0].text).toBe(
      'NotFoundError: Entity component:default/secret not found',
    );
  });

  it('checks the read permission itself too, whichever registry runs it', async () => {
    let registered: any;
    const health = { getEntityFindings: jest.fn() };
    registerEntityFindingsAction(
      { register: (options: any) => (registered = options) } as any,
      {
        health: health as any,
        permissions: mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.DENY })),
        }),
      },
    );
    await expect(
      registered.action({
        input: { entityRef: 'component:default/two-orgs' },
        credentials: mockCredentials.user(NOBODY),
      }),
    ).rejects.toThrow(
      'The permission defender-for-containers.connector.read is denied',
    );
    expect(health.getEntityFindings).not.toHaveBeenCalled();
  });
});
