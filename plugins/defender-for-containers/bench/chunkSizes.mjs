// The gzip size of what the app bundle loads lazily for the entity card and for the overview
// page. Reads the rspack stats of a production build of packages/app (`backstage-cli package
// build --stats`): every chunk that `import('./components/...')` in src/plugin.tsx may fetch.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const PLUGIN_SOURCE = /plugins\/defender-for-containers\/src\//;
const PLUGIN_MODULE = /plugins\/defender-for-containers\/src\/plugin\.tsx/;

export const TARGETS = {
  card: './components/DefenderCard/EntityDefenderCard',
  page: './components/ConnectorsOverview/ConnectorsOverviewPage',
};

const kB = bytes => `${(bytes / 1024).toFixed(1)} kB`;

function gzipOf(distDir, file) {
  return gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
}

/**
 * For one lazy import: its chunks, split into
 * - own: chunks holding this plugin's code (what the ≤ 40 kB target is about);
 * - exclusive: chunks only this plugin's imports load (the worst-case extra download);
 * - shared: library chunks other plugins' lazy parts load too (often already in the browser).
 */
export function measure(stats, distDir, request) {
  const chunks = stats.chunks.filter(c =>
    (c.origins ?? []).some(
      o => PLUGIN_MODULE.test(o.moduleName ?? '') && o.request === request,
    ),
  );
  if (chunks.length === 0) {
    throw new Error(`no chunk for import('${request}') in the stats`);
  }
  return chunks.map(c => {
    const files = c.files.filter(f => f.endsWith('.js'));
    const gzip = files.reduce((sum, f) => sum + gzipOf(distDir, f), 0);
    const raw = files.reduce(
      (sum, f) => sum + statSync(join(distDir, f)).size,
      0,
    );
    const own = (c.modules ?? []).some(m => PLUGIN_SOURCE.test(m.name ?? ''));
    const exclusive = (c.origins ?? []).every(o =>
      PLUGIN_MODULE.test(o.moduleName ?? ''),
    );
    return { files, raw, gzip, own, exclusive };
  });
}

export function report(name, chunks) {
  const sum = pick => chunks.filter(pick).reduce((s, c) => s + c.gzip, 0);
  const own = sum(c => c.own);
  const exclusive = sum(c => c.exclusive);
  const all = sum(() => true);
  const lines = [
    `${name}: own chunk ${kB(own)} gzip (target ≤ 40 kB: ${
      own <= 40 * 1024 ? 'met' : 'NOT met'
    }); loaded only for it ${kB(
      exclusive,
    )}; all chunks the import may fetch ${kB(all)} (${
      chunks.length
    } chunks, the rest shared with other plugins' lazy parts)`,
  ];
  for (const c of [...chunks].sort((a, b) => b.gzip - a.gzip)) {
    let kind = 'shared';
    if (c.own) kind = 'own';
    else if (c.exclusive) kind = 'exclusive';
    lines.push(
      `  ${c.files.join(', ')}: ${kB(c.gzip)} gzip, ${kB(c.raw)} raw (${kind})`,
    );
  }
  return { own, exclusive, all, text: lines.join('\n') };
}

/** The root `yarn bench` contract: one JSON object per figure, appended to BENCH_JSON. */
export function benchFigures(name, { own, exclusive, all }) {
  const kb = bytes => Math.round((bytes / 1024) * 10) / 10;
  return [
    {
      figure: `${name} chunk (gzip)`,
      value: kb(own),
      unit: 'kB',
      target: '≤ 40 kB',
      targetValue: 40,
      better: 'lower',
    },
    {
      figure: `${name} chunks loaded only for it (gzip)`,
      value: kb(exclusive),
      unit: 'kB',
      better: 'lower',
    },
    {
      figure: `${name} all chunks its import may fetch (gzip)`,
      value: kb(all),
      unit: 'kB',
      better: 'lower',
    },
  ];
}
