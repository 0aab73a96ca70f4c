#!/usr/bin/env node
// `yarn bench [--out FILE] [--compare FILE] [workspace ...]`: runs the `bench` script of every
// workspace that has one (or of those named), one after the other, each against its own emulator
// on a free loopback port, then prints one table of every figure and writes them as JSON.
//
// The contract for a bench (see the root README, "Performance"): when BENCH_JSON is set, append
// one JSON object per line to that file for each figure:
//   { bench, figure, value, unit, target?, targetValue?, better: 'higher'|'lower',
//     baseline?, baselineLabel?, ratio? }
// `ratio` is value ÷ baseline where the bench has a baseline (e.g. the sequential cost, the
// per-request implementation). A bench that writes nothing still runs; its printed output stands.
// Numbers are printed, never asserted: this machine is shared and noisy.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = name => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const out = option('--out') ?? join(root, 'bench-results', 'latest.json');
const compare = option('--compare');
const only = args;

const workspaces = ['packages', 'plugins'].flatMap(dir =>
  existsSync(join(root, dir))
    ? spawnSync('ls', [join(root, dir)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean)
        .map(name => join(root, dir, name, 'package.json'))
        .filter(existsSync)
        .map(file => JSON.parse(readFileSync(file, 'utf8')))
        .filter(pkg => pkg.scripts?.bench)
        .map(pkg => pkg.name)
    : [],
);
const selected = workspaces.filter(
  w => only.length === 0 || only.some(o => w.includes(o)),
);

const work = mkdtempSync(join(tmpdir(), 'defender-bench-'));
const figures = [];
const runs = [];
for (const workspace of selected) {
  const file = join(work, `${workspace.replace(/\W+/g, '_')}.jsonl`);
  console.log(`\n━━ ${workspace}: yarn workspace ${workspace} bench`);
  const started = Date.now();
  const run = spawnSync('yarn', ['workspace', workspace, 'bench'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_JSON: file },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8').split('\n').filter(Boolean)
    : [];
  const own = lines.map(l => ({ workspace, ...JSON.parse(l) }));
  figures.push(...own);
  runs.push({ workspace, exit: run.status, seconds, figures: own.length });
}

const previous = compare
  ? new Map(
      JSON.parse(readFileSync(compare, 'utf8')).figures.map(f => [
        `${f.workspace} ${f.figure}`,
        f,
      ]),
    )
  : undefined;
const meets = f => {
  if (typeof f.targetValue !== 'number') return '';
  const ok =
    f.better === 'higher' ? f.value >= f.targetValue : f.value <= f.targetValue;
  return ok ? 'met' : 'MISSED';
};
const fmt = n =>
  typeof n === 'number'
    ? n.toLocaleString('en-US', { maximumFractionDigits: 2 })
    : '';
const rows = figures.map(f => {
  const before = previous?.get(`${f.workspace} ${f.figure}`);
  return [
    f.figure,
    `${fmt(f.value)} ${f.unit ?? ''}`.trim(),
    f.target ?? '',
    meets(f),
    f.ratio !== undefined
      ? `${fmt(f.ratio)} × ${f.baselineLabel ?? 'baseline'} (${fmt(
          f.baseline,
        )})`
      : '',
    ...(previous
      ? [
          before
            ? `${fmt(before.value)} → ${fmt(f.value)} (${
                before.value ? fmt(f.value / before.value) : '–'
              }×)`
            : 'new',
        ]
      : []),
  ];
});
const header = [
  'figure',
  'value',
  'target',
  '',
  'ratio vs baseline',
  ...(previous ? [`vs ${compare}`] : []),
];
const widths = header.map((h, i) =>
  Math.max(h.length, ...rows.map(r => String(r[i]).length)),
);
const line = r => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
console.log('\n━━ benchmarks');
console.log(line(header));
rows.forEach(r => console.log(line(r)));
for (const r of runs) {
  if (r.exit !== 0 || r.figures === 0)
    console.log(
      `${r.workspace}: ${
        r.exit !== 0 ? `exited ${r.exit}` : 'wrote no figures to BENCH_JSON'
      } (its printed output is above)`,
    );
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: `${process.platform} ${process.arch}, node ${process.version}`,
      runs,
      figures,
    },
    null,
    2,
  ),
);
console.log(
  `\nwritten to ${out} (compare a later run: yarn bench --compare ${out})`,
);
process.exit(runs.some(r => r.exit !== 0) ? 1 : 0);
