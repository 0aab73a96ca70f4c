import YAML from 'yaml';
import { parseArgs } from './cli';
import { emulatorAppConfig } from './printConfig';
import { readScenarioFile } from './scenario/loadScenario';
import { DEMO_SCENARIO } from './startEmulator';

describe('--print-config', () => {
  it('takes the port from AZURE_DOCKERHUB_EMULATOR_PORT unless --port says otherwise', () => {
    expect(parseArgs([], { AZURE_DOCKERHUB_EMULATOR_PORT: '7555' }).port).toBe(
      7555,
    );
    expect(
      parseArgs(['--port', '7600'], { AZURE_DOCKERHUB_EMULATOR_PORT: '7555' })
        .port,
    ).toBe(7600);
    expect(parseArgs([], {}).port).toBe(7443);
    expect(() => parseArgs([], { AZURE_DOCKERHUB_EMULATOR_PORT: 'x' })).toThrow(
      /non-negative integer/,
    );
  });

  it('parses --ca-dir and --print-config', () => {
    expect(
      parseArgs(['--ca-dir', '.emulator', '--print-config', '--port=7555']),
    ).toMatchObject({
      caDir: '.emulator',
      printConfig: true,
      port: 7555,
    });
  });

  it("prints the demo's endpoints, credential, allowed subscriptions and CA file", () => {
    const text = emulatorAppConfig(readScenarioFile(DEMO_SCENARIO), {
      url: 'https://127.0.0.1:7555',
      caFile: '/abs/.emulator/ca.pem',
    });
    expect(text).toMatch(/^# .*exists only in the emulator/m);
    const { defenderForContainers: d } = YAML.parse(text);
    expect(d.azure).toMatchObject({
      armEndpoint: 'https://127.0.0.1:7555',
      authorityHost: 'https://127.0.0.1:7555',
      credential: {
        type: 'clientSecret',
        tenantId: '00000000-0000-0000-0000-000000000000',
        clientId: '11111111-1111-1111-1111-111111111111',
      },
    });
    // the registered subscriptions the principal has a role on, each with its groups and a location
    expect(d.azure.subscriptions.map((s: any) => s.id)).toEqual([
      'aaaaaaaa-0000-0000-0000-000000000001',
      'bbbbbbbb-0000-0000-0000-000000000002',
    ]);
    // the one it may only read says so
    expect(text).toMatch(
      /^ *# Reader only: read, never written.*\n *- id: bbbbbbbb-/m,
    );
    expect(d.azure.subscriptions[0]).toMatchObject({
      resourceGroups: ['rg-defender-connectors', 'rg-platform'],
      defaults: { location: 'westeurope' },
    });
    expect(d.dockerHub).toEqual({
      apiUrl: 'https://127.0.0.1:7555',
      registryAuthUrl: 'https://127.0.0.1:7555/token',
    });
    expect(d.caFile).toBe('/abs/.emulator/ca.pem');
  });

  it('leaves out a subscription whose Microsoft.Security is not registered (a 409 on every refresh)', () => {
    const scenario = readScenarioFile(DEMO_SCENARIO);
    const unregistered = scenario.azure.subscriptions.find(
      s => s.registrationState !== 'Registered',
    );
    expect(scenario.azure.principals[0].roles[unregistered!.id]).toBeDefined();
    const { defenderForContainers: d } = YAML.parse(
      emulatorAppConfig(scenario, {
        url: 'https://127.0.0.1:1',
        caFile: '/ca.pem',
      }),
    );
    expect(d.azure.subscriptions.map((s: any) => s.id)).not.toContain(
      unregistered!.id,
    );
  });

  it('leaves out subscriptions the principal has no role on', () => {
    const scenario = readScenarioFile(DEMO_SCENARIO);
    scenario.azure.principals[0].roles = {
      'bbbbbbbb-0000-0000-0000-000000000002': 'Reader',
    };
    const { defenderForContainers: d } = YAML.parse(
      emulatorAppConfig(scenario, {
        url: 'https://127.0.0.1:1',
        caFile: '/ca.pem',
      }),
    );
    expect(d.azure.subscriptions.map((s: any) => s.id)).toEqual([
      'bbbbbbbb-0000-0000-0000-000000000002',
    ]);
  });
});
