import path from 'node:path';
import { DEMO_SCENARIO, startEmulator } from './startEmulator';
import { readScenarioFile, ScenarioError } from './scenario/loadScenario';
import { emulatorAppConfig } from './printConfig';
import {
  CA_DIR_CERT,
  loadOrCreateTlsMaterial,
} from './server/createTlsMaterial';

const HELP = `azure-dockerhub-emulator — local Azure Resource Manager (Microsoft.Security, Resource Graph,
Entra token endpoint) + Docker Hub API + registry token service, on one HTTPS origin.

Usage: azure-dockerhub-emulator [options]

  --scenario FILE   scenario (YAML or JSON); default: scenarios/demo.yaml
  --port N          port on 127.0.0.1 (default $AZURE_DOCKERHUB_EMULATOR_PORT, else 7443;
                    0 = any free port)
  --ca-dir DIR      keep the certificate (DIR/ca.pem) and its key in DIR and reuse them on the
                    next start, so clients that trust DIR/ca.pem need no restart
  --ca-file PATH    also write the emulator's CA certificate (PEM) there, for clients to trust
  --seed N          seed of request ids, etags and fault probabilities (default 1)
  --print-config    print the app-config block (defenderForContainers) that points the Backstage
                    plugins at this emulator, and exit; needs --ca-dir (or --ca-file) and a fixed port
  --help            this text

Clients must trust the certificate explicitly (tlsOptions: { ca }, or defenderForContainers.caFile)
or through NODE_EXTRA_CA_CERTS=PATH (set before Node starts).`;

/** @internal */
export interface CliOptions {
  scenario: string;
  port: number;
  caFile?: string;
  caDir?: string;
  seed: number;
  help: boolean;
  printConfig: boolean;
}

/** @internal */
export function parseArgs(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): CliOptions {
  const envPort = env.AZURE_DOCKERHUB_EMULATOR_PORT;
  if (envPort !== undefined && !/^\d+$/.test(envPort)) {
    throw new Error(
      `AZURE_DOCKERHUB_EMULATOR_PORT needs a non-negative integer, got '${envPort}'`,
    );
  }
  // The environment's port lets scripts move every command of a README to another port at once.
  const port = envPort === undefined ? 7443 : Number(envPort);
  const options: CliOptions = {
    scenario: DEMO_SCENARIO,
    port,
    seed: 1,
    help: false,
    printConfig: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=')
      ? arg.split(/=(.*)/s)
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const integer = (v: string) => {
      if (!/^\d+$/.test(v))
        throw new Error(`${flag} needs a non-negative integer, got '${v}'`);
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
      case '--ca-dir':
        options.caDir = value();
        break;
      case '--seed':
        options.seed = integer(value());
        break;
      case '--print-config':
        options.printConfig = true;
        break;
      default:
        throw new Error(`Unknown option ${arg} (see --help)`);
    }
  }
  return options;
}

/**
 * Runs the `azure-dockerhub-emulator` command with these arguments (without node and the script),
 * e.g. `main(['--port', '7443', '--ca-dir', '.emulator'])`.
 * @public
 */
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
  if (options.printConfig) {
    await printConfig(options);
    return;
  }
  try {
    const started = Date.now();
    const emu = await startEmulator({
      port: options.port,
      scenario: options.scenario,
      seed: options.seed,
      caFile: options.caFile,
      caDir: options.caDir,
    });
    const s = emu.state();
    process.stdout.write(
      [
        `azure-dockerhub-emulator listening on ${emu.url} (started in ${
          Date.now() - started
        } ms)`,
        `  scenario:        ${options.scenario}`,
        `  ARM endpoint:    ${emu.urls.arm}`,
        `  authority host:  ${emu.urls.authorityHost}   (use disableInstanceDiscovery: true)`,
        `  Docker Hub API:  ${emu.urls.dockerHubApi}/v2/...`,
        `  registry auth:   ${emu.urls.registryAuth}?service=${emu.urls.registryService}`,
        caFileOf(options)
          ? `  CA certificate:  ${caFileOf(options)}${
              options.caDir ? ' (kept across restarts)' : ''
            }`
          : '  CA certificate:  pass --ca-dir DIR (or --ca-file PATH) to write it',
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
    process.stderr.write(
      `${e instanceof ScenarioError ? e.message : (e as Error).stack}\n`,
    );
    process.exitCode = 1;
  }
}

/** The CA file clients should trust: the kept one of --ca-dir, else --ca-file. */
function caFileOf(options: CliOptions): string | undefined {
  if (options.caDir) return path.resolve(options.caDir, CA_DIR_CERT);
  return options.caFile ? path.resolve(options.caFile) : undefined;
}

async function printConfig(options: CliOptions): Promise<void> {
  const caFile = caFileOf(options);
  let problem: string | undefined;
  if (options.port === 0) {
    problem =
      '--print-config needs a fixed --port (0 picks a different one each start)';
  } else if (!caFile) {
    problem =
      '--print-config needs --ca-dir DIR (or --ca-file PATH): the config names the CA file to trust';
  }
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    const scenario = readScenarioFile(options.scenario);
    // Create the kept certificate now, so the file the config names exists before Backstage starts.
    if (options.caDir) await loadOrCreateTlsMaterial(options.caDir);
    process.stdout.write(
      emulatorAppConfig(scenario, {
        url: `https://127.0.0.1:${options.port}`,
        caFile: caFile!,
        scenarioName: path.basename(options.scenario),
      }),
    );
  } catch (e) {
    process.stderr.write(
      `${e instanceof ScenarioError ? e.message : (e as Error).stack}\n`,
    );
    process.exitCode = 1;
  }
}
