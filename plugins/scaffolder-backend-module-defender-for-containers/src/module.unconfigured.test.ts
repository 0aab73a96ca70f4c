import { mockCredentials } from '@backstage/backend-test-utils';
import {
  callMcp,
  listMcpToolNames,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import { startModuleBackend } from './__testUtils__/startModuleBackend';

jest.setTimeout(30_000);

const TOOL = 'scaffolder.validate-defender-docker-hub-onboarding';

// An adopter adds the module before configuring Azure: the backend must start, and an AI
// assistant asking for a validation must learn what to configure, not meet a crash or a silence.
describe('scaffolder module without defenderForContainers, over MCP', () => {
  it('lists the AI action, and calling it answers with the keys to set', async () => {
    const { server } = await startModuleBackend({ mcp: true });
    const authorization = mockCredentials.user.header('user:default/jane');

    expect(await listMcpToolNames(server, authorization)).toContain(TOOL);

    const { result } = await callMcp(server, {
      method: 'tools/call',
      params: {
        name: TOOL,
        arguments: { organization: 'acme' },
      },
      authorization,
    });
    expect(result.isError).toBe(true);
    expect(result.content[0].text).toMatch(
      /Microsoft Defender for Containers is not configured: set defenderForContainers\.azure\.subscriptions/,
    );
    expect(result.content[0].text).not.toContain('dckr_pat_x');
  });
});
