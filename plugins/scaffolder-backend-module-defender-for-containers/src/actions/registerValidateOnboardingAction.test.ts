import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  callMcp,
  listMcpToolNames,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { Server } from 'node:http';
import { registerValidateOnboardingAction } from './registerValidateOnboardingAction';
import { RG, SUB, SUB_C, TOKENS } from '../__testUtils__/scenario';
import { sharedActionsEmulator } from '../__testUtils__/sharedActionsEmulator';
import {
  emulatorConfig,
  startModuleBackend,
} from '../__testUtils__/startModuleBackend';

jest.setTimeout(60_000);

const WRITER = 'user:default/writer';
const READER = 'user:default/reader-only';
const TOOL = 'scaffolder.validate-defender-docker-hub-onboarding';

describe('AI action: validate a Docker Hub onboarding (over MCP)', () => {
  const mockDir = createMockDirectory();
  // The emulator of the action suites; the backend below reaches it through its own config.
  const t = sharedActionsEmulator();
  let server: Server;

  beforeAll(async () => {
    mockDir.addContent({ 'ca.pem': t.emu.caPem });
    ({ server } = await startModuleBackend({
      mcp: true,
      config: {
        defenderForContainers: emulatorConfig(t.emu, mockDir.resolve('ca.pem')),
      },
      features: [
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

  const validate = (user: string, args: Record<string, unknown>) =>
    callMcp(server, {
      method: 'tools/call',
      params: { name: TOOL, arguments: args },
      authorization: mockCredentials.user.header(user),
    });
  const armWrites = () =>
    t.emu
      .state()
      .requestLog.filter(
        r => r.method !== 'GET' && r.path.startsWith('/subscriptions/'),
      );

  it('is listed as a read-only, idempotent tool whose input has no place for a token or user', async () => {
    const { result } = await callMcp(server, {
      method: 'tools/list',
      authorization: mockCredentials.user.header(WRITER),
    });
    const tool = result.tools.find((x: any) => x.name === TOOL);
    expect(tool).toMatchObject({
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      },
      inputSchema: { required: ['organization'] },
    });
    expect(Object.keys(tool.inputSchema.properties).sort()).toEqual([
      'organization',
      'resourceGroup',
      'subscriptionId',
    ]);
    expect(tool.description).toMatch(
      /Never ask the user for a Docker Hub token/,
    );
  });

  it('answers an allowed caller with the Azure checks and the public view of the organization, without any Docker Hub credential, and writes nothing', async () => {
    const connectorsBefore = t.emu.state().connectors;
    const logBefore = t.emu.state().requestLog.length;
    const { result } = await validate(WRITER, { organization: 'acme' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      ok: true,
      connectorExists: false,
      connectorId: `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
      entityRef: 'resource:default/defender-dockerhub-acme',
    });
    const checks = result.structuredContent.checks as any[];
    expect(checks).toHaveLength(14);
    expect(checks.filter(c => c.id.startsWith('azure.'))).toEqual(
      checks
        .filter(c => c.id.startsWith('azure.'))
        .map(c => expect.objectContaining({ id: c.id, status: 'pass' })),
    );
    expect(checks.find(c => c.id === 'dockerhub.repositories')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('acme exists on Docker Hub (1 public'),
    });
    const skipped = checks.filter(c => c.status === 'skipped');
    expect(skipped.map(c => c.id)).toEqual([
      'dockerhub.tokenFormat',
      'dockerhub.signIn',
      'dockerhub.tokenScope',
      'dockerhub.identity',
      'dockerhub.membership',
      'dockerhub.privateRepositoryAccess',
      'dockerhub.readOnly',
    ]);
    for (const c of skipped) {
      expect(c.message).toMatch(/Secret field asks for it and checks it/);
    }
    // Docker Hub heard one anonymous listing: no sign-in, no registry token, no user endpoint.
    expect(
      t.emu
        .state()
        .requestLog.slice(logBefore)
        .filter(r => r.path.startsWith('/v2/') || r.path.includes('token'))
        .filter(r => !r.path.includes('/oauth2/'))
        .map(r => `${r.method} ${r.path}`),
    ).toEqual(['GET /v2/namespaces/acme/repositories']);
    expect(t.emu.state().connectors).toEqual(connectorsBefore);
    expect(armWrites()).toEqual([]);
  });

  it('refuses a token or user offered anyway, without echoing it, before any remote call', async () => {
    const before = t.emu.state().requestLog.length;
    for (const extra of [
      { accessToken: TOKENS.read },
      { username: 'mdcuser' },
      { resourcegroup: 'rg-typo' },
    ]) {
      const { result } = await validate(WRITER, {
        organization: 'acme',
        ...extra,
      });
      expect(result.isError).toBe(true);
      expect(result.content[0].text).toContain(
        'never a Docker Hub token or user',
      );
      expect(result.content[0].text).toContain(Object.keys(extra)[0]);
      expect(result.content[0].text).not.toContain(TOKENS.read);
    }
    expect(t.emu.state().requestLog.length).toBe(before);
  });

  it('says an organization Docker Hub shows nothing of cannot be confirmed, and still runs the Azure checks', async () => {
    const { result } = await validate(WRITER, { organization: 'no-such-org' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.ok).toBe(true);
    expect(
      result.structuredContent.checks.find(
        (c: any) => c.id === 'dockerhub.repositories',
      ),
    ).toMatchObject({
      status: 'warn',
      message: expect.stringContaining(
        'does not exist, or all its repositories are private',
      ),
    });
  });

  it('answers a failed check as checks (ok: false), not as an error', async () => {
    const { result } = await validate(WRITER, {
      organization: 'acme',
      subscriptionId: SUB_C,
    });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.ok).toBe(false);
    expect(
      result.structuredContent.checks.find(
        (c: any) => c.id === 'azure.providerRegistration',
      ),
    ).toMatchObject({ status: 'fail' });
    expect(armWrites()).toEqual([]);
  });

  it('is hidden from a caller without connector.create: not listed, and a call finds no such tool, before any remote call', async () => {
    const listed = (user: string) =>
      listMcpToolNames(server, mockCredentials.user.header(user));
    expect(await listed(WRITER)).toContain(TOOL);
    expect(await listed(READER)).not.toContain(TOOL);
    const before = t.emu.state().requestLog.length;
    const { result } = await validate(READER, { organization: 'acme' });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toBe(
      `NotFoundError: Action "${TOOL}" not found`,
    );
    expect(t.emu.state().requestLog.length).toBe(before);
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
        input: { organization: 'acme' },
        credentials: mockCredentials.user(READER),
        logger: mockServices.logger.mock(),
      }),
    ).rejects.toThrow(
      /^You are not allowed to validate Docker Hub organizations for onboarding: the permission defender-for-containers.connector.create is denied for user:default\/reader-only/,
    );
  });
});
