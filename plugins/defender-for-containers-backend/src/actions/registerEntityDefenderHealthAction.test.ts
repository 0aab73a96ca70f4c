import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  callMcp,
  listMcpToolNames,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import { catalogAsCaller } from '../__testUtils__/catalogAsCaller';
import { componentEntity } from '../__testUtils__/componentEntity';
import { ACME, TOKENS } from '../__testUtils__/healthTestWorld';
import { useHealthEmulator } from '../__testUtils__/useHealthEmulator';
import { startHealthTestBackend } from '../__testUtils__/startHealthTestBackend';
import { registerEntityDefenderHealthAction } from './registerEntityDefenderHealthAction';

jest.setTimeout(60_000);

const READER = 'user:default/reader';
const NOBODY = 'user:default/no-read-permission';
const OWNER = 'user:default/owner';
const TOOL = 'defender-for-containers.get-entity-defender-health';

const ENTITIES = [
  componentEntity('platform', {
    'microsoft.com/defender-dockerhub-organization': 'acme, initech',
  }),
  componentEntity('secret', {
    'microsoft.com/defender-dockerhub-organization': 'acme',
  }),
];
/** The catalog decides what the caller may read: 'secret' only for its owner. */
const mayRead = (user: string | undefined, e: Entity) =>
  e.metadata.name !== 'secret' || user === OWNER;

describe('AI action: Defender health of an entity (over MCP)', () => {
  const emulator = useHealthEmulator();

  const start = async () => {
    const catalog = catalogAsCaller(ENTITIES, mayRead).mock;
    const backend = await startHealthTestBackend({
      emulator,
      mcp: true,
      features: [
        catalog.factory,
        // The policy under test: who is not NOBODY may read connectors.
        mockServices.permissions.mock({
          authorize: async (requests, options) =>
            requests.map(() => ({
              result:
                (options?.credentials?.principal as any)?.userEntityRef ===
                NOBODY
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
        }).factory,
      ],
    });
    await backend.health.refreshAll();
    return { ...backend, catalog };
  };
  const call = (server: any, user: string, entityRef: string) =>
    callMcp(server, {
      method: 'tools/call',
      params: { name: TOOL, arguments: { entityRef } },
      authorization: mockCredentials.user.header(user),
    });

  it('is listed as a read-only, idempotent, non-destructive tool', async () => {
    const { server } = await start();
    const { status, result } = await callMcp(server, {
      method: 'tools/list',
      authorization: mockCredentials.user.header(READER),
    });
    expect(status).toBe(200);
    const tool = result.tools.find((t: any) => t.name === TOOL);
    expect(tool).toMatchObject({
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      },
      inputSchema: {
        type: 'object',
        properties: { entityRef: { type: 'string' } },
        required: ['entityRef'],
      },
    });
  });

  it('answers an allowed caller with a summary and the card’s full answer, read from the database', async () => {
    const { server, catalog } = await start();
    const before = emulator.emu.state().requestLog.length;
    const { result } = await call(server, READER, 'component:default/platform');
    expect(result.isError).toBeFalsy();
    const output = result.structuredContent;
    expect(output.entityRef).toBe('component:default/platform');
    expect(output.connectors).toEqual([
      expect.objectContaining({
        organization: 'acme',
        id: ACME,
        status: 'healthy',
        issues: [],
      }),
      expect.objectContaining({
        organization: 'initech',
        status: 'unhealthy',
        issues: ['Docker Hub access token was revoked'],
      }),
    ]);
    expect(output.summary).toEqual([
      expect.stringMatching(/^acme: healthy; findings 3 critical, 3 high/),
      expect.stringMatching(
        /^initech: unhealthy — Docker Hub access token was revoked/,
      ),
    ]);
    expect(output.response.connectors[1].issues[0].remediation).toEqual(
      expect.any(String),
    );
    // the entity was read as the caller, and Azure was not asked
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      { kind: 'component', namespace: 'default', name: 'platform' },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ userEntityRef: READER }),
        }),
      },
    );
    expect(emulator.emu.state().requestLog.length).toBe(before);
    for (const token of TOKENS) {
      expect(JSON.stringify(result)).not.toContain(token);
    }
  });

  it('is hidden from a caller without the read permission: not listed, and a call finds no such tool', async () => {
    const { server } = await start();
    const listed = (user: string) =>
      listMcpToolNames(server, mockCredentials.user.header(user));
    expect(await listed(READER)).toContain(TOOL);
    expect(await listed(NOBODY)).not.toContain(TOOL);
    const { result } = await call(server, NOBODY, 'component:default/platform');
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toBe(
      `NotFoundError: Action "${TOOL}" not found`,
    );
  });

  it('checks the read permission itself too, whichever registry runs it', async () => {
    let registered: any;
    const health = { getEntityHealth: jest.fn() };
    registerEntityDefenderHealthAction(
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
        input: { entityRef: 'component:default/platform' },
        credentials: mockCredentials.user(NOBODY),
      }),
    ).rejects.toThrow(
      'The permission defender-for-containers.connector.read is denied',
    );
    expect(health.getEntityHealth).not.toHaveBeenCalled();
  });

  it('treats an entity the caller may not read as not found, and rejects a malformed ref', async () => {
    const { server } = await start();
    const hidden = await call(server, READER, 'secret');
    expect(hidden.result.isError).toBe(true);
    expect(hidden.result.content[0].text).toMatch(
      /NotFoundError: Entity component:default\/secret not found/,
    );
    const owner = await call(server, OWNER, 'secret');
    expect(owner.result.isError).toBeFalsy();

    const bad = await call(server, READER, 'component:default/bad!name');
    expect(bad.result.isError).toBe(true);
    expect(bad.result.content[0].text).toMatch(
      /InputError: entityRef has an invalid name/,
    );
  });
});
