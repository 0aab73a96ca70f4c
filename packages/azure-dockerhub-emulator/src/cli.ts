import { DEMO_SCENARIO, startEmulator } from './startEmulator';
import { ScenarioError } from './scenario/loadScenario';

const HELP = `azure-dockerhub-emulator — local Azure Resource Manager (Microsoft.Security, Resource Graph,
Entra token endpoint) + Docker Hub API + registry token service, on one HTTPS origin.

Usage: azure-dockerhub-emulator [options]

  --scenario FILE   scenario (YAML or JSON); default: scenarios/demo.yaml
  --port N          port on 127.0.0.1 (default 7443; 0 = any free port)
  --ca-file PATH    write the emulator's CA certificate (PEM) there, for clients to trust
  --seed N          seed of request ids, etags and fault probabilities (default 1)
  --help            this text

Clients must trust the certificate explicitly (tlsOptions: { ca }) or through
NODE_EXTRA_CA_CERTS=PATH (set before Node starts). See README.md.`;

export interface CliOptions {
  scenario: string;
  port: number;
  caFile?: string;
  seed: number;
  help: boolean;
}

export function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { scenario: DEMO_SCENARIO, port: 7443, seed: 1, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const integer = (v: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${flag} needs a non-negative integer, got '${v}'`);
      return Number(v);
    };
    switch (flag) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--scenario':
        options.scenario = value();
        break;
      case '--port':
        options.port = integer(value());
        break;
      case '--ca-file':
        options.caFile = value();
        break;
      case '--seed':
        options.seed = integer(value());
        break;
      default:
        throw new Error(`Unknown option ${arg} (see --help)`);
    }
  }
  return options;
}

export async function main(argv: string[]): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  try {
    const started = Date.now();
    const emu = await startEmulator({
      port: options.port,
      scenario: options.scenario,
      seed: options.seed,
      caFile: options.caFile,
    });
    const s = emu.state();
    process.stdout.write(
      [
        `azure-dockerhub-emulator listening on ${emu.url} (started in ${Date.now() - started} ms)`,
        `  scenario:        ${options.scenario}`,
        `  ARM endpoint:    ${emu.urls.arm}`,
        `  authority host:  ${emu.urls.authorityHost}   (use disableInstanceDiscovery: true)`,
        `  Docker Hub API:  ${emu.urls.dockerHubApi}/v2/...`,
        `  registry auth:   ${emu.urls.registryAuth}?service=${emu.urls.registryService}`,
        options.caFile ? `  CA certificate:  ${options.caFile}` : '  CA certificate:  pass --ca-file PATH to write it',
        `  ${s.subscriptions.length} subscriptions, ${s.connectors.length} connectors, ${s.dockerHub.orgs.length} Docker Hub organizations`,
        '',
      ].join('\n'),
    );
    const stop = () => {
      void emu.stop().then(() => process.exit(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (e) {
    process.stderr.write(`${e instanceof ScenarioError ? e.message : (e as Error).stack}\n`);
    process.exitCode = 1;
  }
}
