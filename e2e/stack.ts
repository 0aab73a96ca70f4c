// Starts what the browser tests drive: the backend (serving the built app) on :7007.
// Output goes to e2e/artifacts/*.log so a failing run can be read afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..');
export const artifactsDir = join(repoRoot, 'e2e', 'artifacts');
export const baseUrl = 'http://localhost:7007';

export interface Stack {
  baseUrl: string;
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

export async function startStack(): Promise<Stack> {
  mkdirSync(artifactsDir, { recursive: true });
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
      '../../e2e/app-config.e2e.yaml',
    ],
    { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  backend.stdout!.pipe(log);
  backend.stderr!.pipe(log);
  try {
    await waitFor(
      `${baseUrl}/api/defender-for-containers/health`,
      backend,
      180_000,
    );
    await waitFor(`${baseUrl}/`, backend, 30_000);
  } catch (e) {
    await stopProcess(backend);
    throw e;
  }
  return { baseUrl, stop: () => stopProcess(backend) };
}
