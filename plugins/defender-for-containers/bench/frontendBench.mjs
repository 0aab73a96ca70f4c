// `yarn workspace @defender-backstage/plugin-defender-for-containers bench`
//
// 1. Builds the production app (packages/app) with bundle stats and prints the gzip size of the
//    chunks the entity card and the overview page load lazily (target ≤ 40 kB each).
// 2. Times the card's render in jsdom with 50 connectors and 500 repositories (printed, not
//    asserted: a machine's speed is no test result).
//
// --skip-build reuses the stats of an earlier run (and the dist/ files they describe). With BENCH_JSON set
// (the root `yarn bench`), every figure is also appended there as one JSON line.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
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

if (!skipBuild || !existsSync(statsFile)) {
  print('› building packages/app with bundle stats …');
  run('yarn', ['backstage-cli', 'package', 'build', '--stats'], appDir);
  mkdirSync(dirname(statsFile), { recursive: true });
  renameSync(builtStats, statsFile);
}
const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
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
