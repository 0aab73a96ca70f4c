#!/usr/bin/env node
// `yarn mutation [package-dir ...]`: Stryker mutation testing of the security-relevant code listed
// in mutation/targets.json, one Stryker run per package (Jest runner, Backstage's Jest config
// through mutation/jest.config.cjs, per-test coverage, 2 workers), then one table of the mutation
// score per file and every surviving mutant. Not part of CI: it takes minutes per package.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const targets = JSON.parse(
  readFileSync(join(root, 'mutation/targets.json'), 'utf8'),
);
delete targets['//'];
const only = process.argv.slice(2).map(p => p.replace(/\/$/, ''));
const packages = Object.keys(targets).filter(
  p => only.length === 0 || only.includes(p),
);
const out = mkdtempSync(join(tmpdir(), 'defender-mutation-'));
const stryker = join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js');

const rows = [];
const survivors = [];
let failedRuns = 0;
for (const pkg of packages) {
  const reportFile = join(out, `${pkg.replaceAll('/', '_')}.json`);
  const configFile = join(out, `${pkg.replaceAll('/', '_')}.stryker.json`);
  writeFileSync(
    configFile,
    JSON.stringify(
      {
        testRunner: 'jest',
        plugins: ['@stryker-mutator/jest-runner'],
        jest: {
          projectType: 'custom',
          configFile: join(root, 'mutation/jest.config.cjs'),
          enableFindRelatedTests: true,
        },
        coverageAnalysis: 'perTest',
        // Module-level mutants (e.g. the input rules' regular expressions) re-run every selected
        // suite each; a package may skip them to finish in minutes (targets.json says which).
        ignoreStatic: Boolean(targets[pkg].ignoreStatic),
        mutate: targets[pkg].targets.map(t => t.file),
        concurrency: 2,
        timeoutMS: 30_000,
        reporters: ['json', 'progress'],
        jsonReporter: { fileName: reportFile },
        // No type checker: a mutant that does not compile fails its tests all the same.
        checkers: [],
        cleanTempDir: 'always',
        tempDirName: '.stryker-tmp',
      },
      null,
      2,
    ),
  );
  console.log(`\n━━ ${pkg}: ${targets[pkg].targets.length} targets`);
  const started = Date.now();
  const run = spawnSync(process.execPath, [stryker, 'run', configFile], {
    cwd: join(root, pkg),
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'test',
      CI: 'true',
      ...(targets[pkg].tests
        ? { MUTATION_TESTS: JSON.stringify(targets[pkg].tests) }
        : {}),
    },
  });
  if (run.status !== 0) {
    failedRuns++;
    console.error(`✗ Stryker failed for ${pkg} (exit ${run.status})`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const rel = relative(join(root, pkg), join(root, pkg, file));
    const n = s => mutants.filter(m => m.status === s).length;
    const killed = n('Killed') + n('Timeout');
    const survived = n('Survived');
    const noCoverage = n('NoCoverage');
    const valid = killed + survived + noCoverage;
    rows.push({
      file: `${pkg}/${rel}`,
      mutants: valid,
      killed,
      survived,
      noCoverage,
      score: valid ? (100 * killed) / valid : 100,
      seconds: Math.round((Date.now() - started) / 1000),
    });
    for (const m of mutants.filter(
      x => x.status === 'Survived' || x.status === 'NoCoverage',
    )) {
      survivors.push(
        `${pkg}/${rel}:${m.location.start.line} ${m.status} ${
          m.mutatorName
        }: ${String(m.replacement ?? '')
          .replace(/\s+/g, ' ')
          .slice(0, 100)}`,
      );
    }
  }
}

const pad = (s, n) => String(s).padEnd(n);
console.log(
  '\n━━ mutation score (killed + timed out) / (killed + survived + no coverage)',
);
console.log(
  `${pad('file', 92)} ${pad('mutants', 8)} ${pad('killed', 7)} ${pad(
    'survived',
    9,
  )} ${pad('no cov.', 8)} score`,
);
for (const r of rows) {
  console.log(
    `${pad(r.file, 92)} ${pad(r.mutants, 8)} ${pad(r.killed, 7)} ${pad(
      r.survived,
      9,
    )} ${pad(r.noCoverage, 8)} ${r.score.toFixed(1)} %`,
  );
}
const total = rows.reduce(
  (a, r) => ({ mutants: a.mutants + r.mutants, killed: a.killed + r.killed }),
  { mutants: 0, killed: 0 },
);
const score = total.mutants ? (100 * total.killed) / total.mutants : 0;
console.log(
  `${pad('all', 92)} ${pad(total.mutants, 8)} ${pad(total.killed, 7)} ${pad(
    '',
    9,
  )} ${pad('', 8)} ${score.toFixed(1)} % (target ≥ 90 %)`,
);
if (survivors.length) {
  console.log('\nsurviving mutants:');
  for (const s of survivors) console.log(`  ${s}`);
}
writeFileSync(
  join(out, 'summary.json'),
  JSON.stringify({ rows, survivors, score }, null, 2),
);
console.log(`\nreports: ${out}`);
process.exit(failedRuns ? 1 : 0);
