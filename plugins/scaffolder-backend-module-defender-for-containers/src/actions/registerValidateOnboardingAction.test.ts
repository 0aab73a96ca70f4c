import {
  createMockDirectory,
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import {
  startEmulator,
  type Emulator,
} from '@defender-backstage/azure-dockerhub-emulator';
import {
  callMcp,
  listMcpToolNames,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { Server } from 'node:http';
import scaffolderModule from '../index';
import { registerValidateOnboardingAction } from './registerValidateOnboardingAction';
import {
  ADMIN,
  RG,
  SUB,
  TENANT,
  TOKENS,
  scenario,
} from '../__testUtils__/scenario';

jest.setTimeout(60_000);

const WRITER = 'user:default/writer';
const READER = 'user:default/reader-only';
const TOOL = 'scaffolder.validate-defender-docker-hub-onboarding';

describe('AI action: validate a Docker Hub onboarding (over MCP)', () => {
  const mockDir = createMockDirectory();
  let emu: Emulator;
  let server: Server;

  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      scenario: scenario(),
      caFile: mockDir.resolve('ca.pem'),
      validateResponses: true,
    });
    ({ server } = await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions() {} }]],
      features: [
        scaffolderModule,
        mcpActionsPlugin,
        mockServices.rootConfig.factory({
          data: {
            backend: { actions: { pluginSources: ['scaffolder'] } },
            defenderForContainers: {
              azure: {
                armEndpoint: emu.urls.arm,
                authorityHost: emu.urls.authorityHost,
                credential: {
                  type: 'clientSecret',
                  tenantId: TENANT,
                  ...ADMIN,
                },
                subscriptions: [
                  {
                    id: SUB,
                    displayName: 'Production',
                    defaults: { resourceGroup: RG, location: 'westeurope' },
                  },
                ],
              },
              dockerHub: {
                apiUrl: emu.urls.dockerHubApi,
                registryAuthUrl: emu.urls.registryAuth,
                registryService: emu.urls.registryService,
              },
              caFile: mockDir.resolve('ca.pem'),
            },
          },
        }),
        // The policy under test: only WRITER may create connectors.
        mockServices.permissions.mock({
          authorize: async (requests, options) =>
            requests.map(r => ({
              result:
                r.permission.name !==
                  'defender-for-containers.connector.create' ||
                (options?.credentials?.principal as any)?.userEntityRef ===
                  WRITER
                  ? AuthorizeResult.ALLOW
                  : AuthorizeResult.DENY,
            })),
        }).factory,
      ],
    }));
  });
  afterAll(() => emu.stop());
  beforeEach(() => emu.loadScenario(scenario()));

  const validate = (user: string, args: Record<string, unknown>) =>
    callMcp(server, {
      method: 'tools/call',
      params: { name: TOOL, arguments: args },
      authorization: mockCredentials.user.header(user),
    });
  const armWrites = () =>
    emu
      .state()
      .requestLog.filter(
        r => r.method !== 'GET' && r.path.startsWith('/subscriptions/'),
      );

  it('is listed as a read-only tool whose input asks for the token', async () => {
    const { result } = await callMcp(server, {
      method: 'tools/list',
      authorization: mockCredentials.user.header(WRITER),
    });
    const tool = result.tools.find((t: any) => t.name === TOOL);
    expect(tool).toMatchObject({
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      },
      inputSchema: {
        required: ['organization', 'username', 'accessToken'],
        properties: {
          accessToken: {
            description: expect.stringMatching(/^REQUIRED SECRET/),
          },
        },
      },
    });
  });

  it('answers an allowed caller with every check, writes nothing and never echoes the token', async () => {
    const connectorsBefore = emu.state().connectors;
    const { result } = await validate(WRITER, {
      organization: 'acme',
      username: 'mdcuser',
      accessToken: TOKENS.read,
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      ok: true,
      connectorExists: false,
      connectorId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
      entityRef: 'resource:default/defender-dockerhub-acme',
    });
    expect(result.structuredContent.checks).toHaveLength(14);
    expect(
      result.structuredContent.checks.every((c: any) => c.status === 'pass'),
    ).toBe(true);
    expect(JSON.stringify(result)).not.toContain(TOKENS.read);
    // a dry run: the emulator's Azure state is as before, and no write reached it
    expect(emu.state().connectors).toEqual(connectorsBefore);
    expect(armWrites()).toEqual([]);
  });

  it('refuses an input it does not declare, naming it, before any remote call', async () => {
    const before = emu.state().requestLog.length;
    const { result } = await validate(WRITER, {
      organization: 'acme',
      username: 'mdcuser',
      accessToken: TOKENS.read,
      resourcegroup: 'rg-typo',
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toContain('resourcegroup');
    expect(result.content[0].text).not.toContain(TOKENS.read);
    expect(emu.state().requestLog.length).toBe(before);
  });

  it('answers a failed check as checks (ok: false), not as an error', async () => {
    const { result } = await validate(WRITER, {
      organization: 'acme',
      username: 'mdcuser',
      accessToken: TOKENS.write,
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.ok).toBe(false);
    expect(
      result.structuredContent.checks.find(
        (c: any) => c.id === 'dockerhub.readOnly',
      ),
    ).toMatchObject({ status: 'fail' });
    expect(JSON.stringify(result)).not.toContain(TOKENS.write);
    expect(armWrites()).toEqual([]);
  });

  it('is hidden from a caller without connector.create: not listed, and a call finds no such tool, before any remote call', async () => {
    const listed = (user: string) =>
      listMcpToolNames(server, mockCredentials.user.header(user));
    expect(await listed(WRITER)).toContain(TOOL);
    expect(await listed(READER)).not.toContain(TOOL);
    const before = emu.state().requestLog.length;
    const { result } = await validate(READER, {
      organization: 'acme',
      username: 'mdcuser',
      accessToken: TOKENS.read,
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toBe(
      `NotFoundError: Action "${TOOL}" not found`,
    );
    expect(emu.state().requestLog.length).toBe(before);
  });

  it('checks connector.create itself too, whichever registry runs it, before any remote call', async () => {
    let registered: any;
    registerValidateOnboardingAction(
      { register: (options: any) => (registered = options) } as any,
      {
        // Any call to these would fail with a TypeError, not the refusal expected below.
        arm: {} as any,
        dockerHub: {} as any,
        subscriptions: [],
        permissions: mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(() => ({ result: AuthorizeResult.DENY })),
        }),
      },
    );
    await expect(
      registered.action({
        input: {
          organization: 'acme',
          username: 'mdcuser',
          accessToken: TOKENS.read,
        },
        credentials: mockCredentials.user(READER),
        logger: mockServices.logger.mock(),
      }),
    ).rejects.toThrow(
      /^You are not allowed to validate Docker Hub organizations for onboarding: the permission defender-for-containers.connector.create is denied for user:default\/reader-only/,
    );
  });
});
