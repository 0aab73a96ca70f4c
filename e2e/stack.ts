// Starts what the browser tests drive: the Azure + Docker Hub emulator (demo scenario) on :7443
// and the backend (serving the built app) on :7007, configured by app-config.yaml + app-config.emulator.yaml as in
// README command (1). Output goes to e2e/artifacts/*.log so a failing run can be read afterwards.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..');
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');
export const baseUrl = 'http://localhost:7007';
export const emulatorUrl = 'https://127.0.0.1:7443';
const caFile = join(repoRoot, '.emulator', 'ca.pem');
/** One SQLite file per plugin, read by tests that check what the backend stored. */
export const databaseDir = join(artifactsDir, 'database');

export interface Stack {
  baseUrl: string;
  emulatorUrl: string;
  /** The emulator's CA, to call it directly (e.g. to read ARM state) from a test. */
  emulatorCa: string;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `${url}: the process exited with ${child.exitCode}; see e2e/artifacts`,
      );
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(
    `${url} not ready after ${timeoutMs / 1000}s; see e2e/artifacts`,
  );
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined)
    return Promise.resolve();
  return new Promise(resolve => {
    child.once('exit', () => resolve());
    // The backend runs under yarn and backstage-cli: signal the whole process group.
    process.kill(-child.pid!, 'SIGTERM');
    setTimeout(() => {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    }, 10_000).unref();
  });
}

/** The emulator's demo scenario, which every test but the overview's runs on. */
export const DEMO_SCENARIO = join(
  repoRoot,
  'packages/azure-dockerhub-emulator/scenarios/demo.yaml',
);

async function startEmulator(scenario: string): Promise<ChildProcess> {
  mkdirSync(join(repoRoot, '.emulator'), { recursive: true });
  rmSync(caFile, { force: true });
  const log = createWriteStream(join(artifactsDir, 'emulator.log'));
  const emulator = spawn(
    'node',
    [
      join(
        repoRoot,
        'packages/azure-dockerhub-emulator/bin/azure-dockerhub-emulator',
      ),
      '--scenario',
      scenario,
      '--port',
      '7443',
      '--ca-file',
      caFile,
    ],
    { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  emulator.stdout!.pipe(log);
  emulator.stderr!.pipe(log);
  const deadline = Date.now() + 30_000;
  while (!existsSync(caFile)) {
    if (emulator.exitCode !== null || Date.now() > deadline) {
      await stopProcess(emulator);
      throw new Error(
        'the emulator did not start; see e2e/artifacts/emulator.log',
      );
    }
    await new Promise(r => setTimeout(r, 200));
  }
  return emulator;
}

/**
 * @param options.configs more app-config files (relative to the repository), layered over
 *   app-config.yaml, app-config.emulator.yaml and e2e/app-config.e2e.yaml: the backend serves the app its frontend config,
 *   so a test file can change the app (e.g. an extension's config) without rebuilding it.
 * @param options.scenario the emulator's scenario file (default: the demo scenario).
 */
export async function startStack(
  options: { configs?: string[]; scenario?: string } = {},
): Promise<Stack> {
  mkdirSync(artifactsDir, { recursive: true });
  const emulator = await startEmulator(options.scenario ?? DEMO_SCENARIO);
  let backend: ChildProcess | undefined;
  try {
    backend = await startBackend(options.configs ?? [], 1);
  } catch (first) {
    // Once in a full run the backend printed nothing at all for 180 s and never listened (the
    // same files pass in a row alone). What the processes were doing is kept for the next time,
    // and the backend started once more; a backend that prints anything and fails is not retried.
    if (!(first instanceof SilentStart)) {
      await stopProcess(emulator);
      throw first;
    }
    try {
      backend = await startBackend(options.configs ?? [], 2);
    } catch (e) {
      await stopProcess(emulator);
      throw e;
    }
  }
  return {
    baseUrl,
    emulatorUrl,
    emulatorCa: readFileSync(caFile, 'utf8'),
    stop: async () => {
      await stopProcess(backend!);
      await stopProcess(emulator);
    },
  };
}

/** The backend printed nothing before it timed out: not its code failing, the start hanging. */
class SilentStart extends Error {}

async function startBackend(
  configs: string[],
  attempt: number,
): Promise<ChildProcess> {
  rmSync(databaseDir, { recursive: true, force: true });
  mkdirSync(databaseDir, { recursive: true });
  const log = createWriteStream(join(artifactsDir, 'backend.log'));
  const backend = spawn(
    'yarn',
    [
      'workspace',
      'backend',
      'start',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.emulator.yaml',
      '--config',
      '../../e2e/app-config.e2e.yaml',
      ...configs.flatMap(c => ['--config', `../../${c}`]),
    ],
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, E2E_DATABASE_DIR: databaseDir },
    },
  );
  let printed = false;
  for (const stream of [backend.stdout!, backend.stderr!]) {
    stream.once('data', () => (printed = true));
    stream.pipe(log);
  }
  try {
    await waitFor(
      `${baseUrl}/api/defender-for-containers/health`,
      backend,
      180_000,
    );
    await waitFor(`${baseUrl}/`, backend, 30_000);
    return backend;
  } catch (e) {
    if (!printed) {
      const ps = spawnSync('ps', ['-eo', 'pid,ppid,pgid,stat,etime,args'], {
        encoding: 'utf8',
      });
      writeFileSync(
        join(artifactsDir, `backend-silent-start-${attempt}.txt`),
        `${String(e)}\n\n${ps.stdout}`,
      );
    }
    await stopProcess(backend);
    throw printed ? e : new SilentStart(String(e));
  }
}
