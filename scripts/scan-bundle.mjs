#!/usr/bin/env node
// Security check of the built frontend (packages/app/dist, built by scripts/test.sh's "app bundle"
// step): no Docker Hub token and no Azure client secret may be in anything the browser downloads.
// Looks for every token and client secret of the demo scenario and the app-configs, and for
// anything shaped like a Docker Hub token. Outside CI a missing bundle is skipped, saying so; in CI
// it fails (the step runs right after the bundle is built).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'packages/app/dist');

if (!existsSync(dist)) {
  const message = `scan-bundle: ${relative(
    root,
    dist,
  )} does not exist (build it with: yarn workspace app build)`;
  if (process.env.CI) {
    console.error(`✗ ${message}`);
    process.exit(1);
  }
  console.log(`› ${message}; skipped`);
  process.exit(0);
}

const known = new Set();
const demo = readFileSync(
  join(root, 'packages/azure-dockerhub-emulator/scenarios/demo.yaml'),
  'utf8',
);
for (const m of demo.matchAll(
  /(?:secret|token|clientSecret):\s*['"]?([^\s'",}]+)/g,
))
  if (m[1].length >= 12) known.add(m[1]);
for (const file of ['app-config.yaml', 'app-config.emulator.yaml']) {
  const config = readFileSync(join(root, file), 'utf8');
  for (const m of config.matchAll(/clientSecret:\s*['"]?([^\s'"]+)/g))
    if (!m[1].startsWith('${')) known.add(m[1]);
}
const shaped = /dckr_(?:pat|oat)_[A-Za-z0-9_-]{20,}/g;

const files = [];
const walk = dir => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);

let bytes = 0;
const findings = [];
for (const file of files) {
  const text = readFileSync(file).toString('latin1');
  bytes += text.length;
  for (const secret of known)
    if (text.includes(secret))
      findings.push(
        `${relative(root, file)}: a known secret (${secret.slice(0, 12)}…)`,
      );
  for (const m of text.matchAll(shaped))
    findings.push(
      `${relative(root, file)}: a Docker Hub token (${m[0].slice(0, 12)}…)`,
    );
}

console.log(
  `scan-bundle: ${files.length} files, ${(bytes / 1e6).toFixed(
    1,
  )} MB scanned for ${known.size} known secrets and Docker Hub token shapes: ${
    findings.length
  } found`,
);
if (findings.length) {
  for (const f of findings) console.error(`✗ ${f}`);
  process.exit(1);
}
