import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from '../cli';
import { DEMO_SCENARIO, startEmulator } from '../startEmulator';
import { parseScenario, readScenarioFile, ScenarioError } from './loadScenario';

describe('scenarios', () => {
  it('loads the demo scenario with realistic, clearly fake PATs', () => {
    const demo = readScenarioFile(DEMO_SCENARIO);
    expect(demo.azure.subscriptions.length).toBeGreaterThanOrEqual(2);
    for (const t of demo.dockerHub.tokens) {
      expect(t.secret).toMatch(/^dckr_(pat|oat)_[A-Za-z0-9_-]{27,32}$/);
      expect(t.secret).toContain('FAKE');
    }
  });

  it('names the bad path in schema errors', () => {
    const attempt = () =>
      parseScenario({
        azure: {
          tenantId: 'not-a-guid',
          subscriptions: [
            {
              id: '11111111-1111-1111-1111-111111111111',
              displayName: 's',
              plans: { Containers: 'Gold' },
            },
          ],
        },
      });
    expect(attempt).toThrow(ScenarioError);
    expect(attempt).toThrow(
      expect.objectContaining({
        problems: expect.arrayContaining([
          'azure.tenantId: must be a GUID',
          expect.stringMatching(
            /^azure\.subscriptions\[0\]\.plans\.Containers: /,
          ),
        ]),
      }),
    );
  });

  it('checks references between sections without printing secrets', () => {
    const secret = 'dckr_pat_secretvalue000000000000000';
    expect(() =>
      parseScenario({
        azure: {
          tenantId: '00000000-0000-0000-0000-000000000000',
          subscriptions: [
            {
              id: '11111111-1111-1111-1111-111111111111',
              displayName: 's',
              resourceGroups: [{ name: 'rg', location: 'x' }],
            },
          ],
          connectors: [
            {
              subscriptionId: '11111111-1111-1111-1111-111111111111',
              resourceGroup: 'rg',
              name: 'c',
              organization: 'o',
              username: 'u',
              token: secret,
            },
          ],
        },
      }),
    ).toThrow(
      /azure\.connectors\[0\]\.token: does not match any dockerHub\.tokens\[\]\.secret/,
    );
  });

  it('reads JSON scenario files too', async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'emu-')),
      's.json',
    );
    fs.writeFileSync(
      file,
      JSON.stringify({
        azure: { tenantId: '00000000-0000-0000-0000-000000000000' },
      }),
    );
    const caFile = path.join(path.dirname(file), 'ca.pem');
    const emu = await startEmulator({ scenario: file, caFile });
    expect(fs.readFileSync(caFile, 'utf8')).toBe(emu.caPem);
    expect(emu.caPem).toContain('BEGIN CERTIFICATE');
    expect(emu.urls.registryAuth).toBe(`${emu.url}/token`);
    await emu.stop();
  });

  it('parses the CLI flags', () => {
    expect(
      parseArgs(['--port', '0', '--seed=9', '--ca-file', '/tmp/ca.pem']),
    ).toMatchObject({ port: 0, seed: 9, caFile: '/tmp/ca.pem' });
    expect(() => parseArgs(['--port', 'x'])).toThrow(/non-negative integer/);
    expect(() => parseArgs(['--nope'])).toThrow(/Unknown option/);
  });
});
