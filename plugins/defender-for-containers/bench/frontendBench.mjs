// `yarn workspace @defender-backstage/plugin-defender-for-containers bench`
//
// 1. Builds the production app (packages/app) with bundle stats and prints the gzip size of the
//    chunks the entity card and the overview page load lazily (target ≤ 40 kB each).
// 2. Times the card's render in jsdom with 50 connectors and 500 repositories (printed, not
//    asserted: a machine's speed is no test result).
//
// --skip-build reuses the stats of an earlier run (and the dist/ files they describe). With BENCH_JSON set
// (the root `yarn bench`), every figure is also appended there as one JSON line.
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFigures, measure, report, TARGETS } from './chunkSizes.mjs';

const pluginDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(pluginDir, '..', '..');
const appDir = join(repoRoot, 'packages', 'app');
const distDir = join(appDir, 'dist');
// The build writes its stats into dist/, which the backend serves with the app: moved out of
// there at once, to where --skip-build finds them.
const builtStats = join(distDir, 'bundle-stats.json');
const statsFile = join(
  appDir,
  'node_modules',
  '.cache',
  'defender-bench',
  'bundle-stats.json',
);
const skipBuild = process.argv.includes('--skip-build');
const print = text => process.stdout.write(`${text}\n`);

function run(cmd, args, cwd) {
  const result = spawnSync(cmd, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${result.status})`);
  }
}

/** Stats written whole, or undefined (the file is one JSON document of some 150 MB). */
function readStats(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * `backstage-cli package build --stats`, watched: on a busy machine the CLI has been seen to stop
 * writing the stats half-way and never exit. A build whose stats file stops growing for a minute
 * is stopped (its whole process group) and tried once more.
 */
async function buildWithStats() {
  for (let attempt = 1; attempt <= 2; attempt++) {
    rmSync(builtStats, { force: true });
    const child = spawn(
      'yarn',
      ['backstage-cli', 'package', 'build', '--stats'],
      {
        cwd: appDir,
        stdio: 'inherit',
        detached: true,
      },
    );
    const exited = new Promise(resolve =>
      child.once('exit', code => resolve(code)),
    );
    let lastSize = -1;
    let still = 0;
    for (;;) {
      const code = await Promise.race([
        exited,
        new Promise(resolve => setTimeout(() => resolve('tick'), 5_000)),
      ]);
      if (code !== 'tick') {
        if (code === 0 && readStats(builtStats)) return;
        break;
      }
      const size = existsSync(builtStats) ? statSync(builtStats).size : -1;
      still = size === lastSize && size > 0 ? still + 5 : 0;
      lastSize = size;
      if (still >= 60) {
        print(
          `› the build stopped writing its stats; stopping it (attempt ${attempt})`,
        );
        process.kill(-child.pid, 'SIGKILL');
        await exited;
        break;
      }
    }
  }
  throw new Error(
    'the app build did not write complete bundle stats twice in a row',
  );
}

if (!skipBuild || !readStats(statsFile)) {
  print('› building packages/app with bundle stats …');
  await buildWithStats();
  mkdirSync(dirname(statsFile), { recursive: true });
  renameSync(builtStats, statsFile);
}
const stats = readStats(statsFile);
print('\n━━ lazy chunks (gzip -9 of the built files)');
for (const [name, request] of Object.entries(TARGETS)) {
  const result = report(name, measure(stats, distDir, request));
  print(result.text);
  if (process.env.BENCH_JSON) {
    for (const figure of benchFigures(name, result)) {
      appendFileSync(
        process.env.BENCH_JSON,
        `${JSON.stringify({ bench: 'frontend', ...figure })}\n`,
      );
    }
  }
}

print('\n━━ card render time (jsdom)');
run(
  'yarn',
  [
    'backstage-cli',
    'package',
    'test',
    '--watchAll=false',
    '--testMatch',
    '**/__bench__/*.bench.tsx',
    // the render's console noise (test app warnings) is no result
    '--silent',
  ],
  pluginDir,
);
