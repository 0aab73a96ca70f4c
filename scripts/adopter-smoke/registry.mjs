// A minimal npm registry for one scope, serving the tarballs the smoke test packed, so that the
// READMEs' `yarn add @defender-backstage/...` lines run verbatim, as if the packages were
// published. Usage: node registry.mjs <tarball dir> <port file>; prints nothing, writes its port.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [tarballDir, portFile] = process.argv.slice(2);
// Published now, as on the day of a release: apps from create-app refuse packages younger than
// three days (npmMinimalAgeGate) unless their .yarnrc.yml pre-approves them, which the READMEs
// ask for. An older date would let an install pass that fails for adopters after each release.
const PUBLISHED = new Date().toISOString();

/** name → { version, manifest, file, integrity, shasum } */
const packages = new Map();
for (const file of fs.readdirSync(tarballDir).filter(f => f.endsWith('.tgz'))) {
  const full = path.join(tarballDir, file);
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', full, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  const bytes = fs.readFileSync(full);
  packages.set(manifest.name, {
    file,
    manifest,
    shasum: createHash('sha1').update(bytes).digest('hex'),
    integrity: `sha512-${createHash('sha512').update(bytes).digest('base64')}`,
  });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const base = `http://localhost:${server.address().port}`;
  if (url.pathname.startsWith('/-/tarballs/')) {
    const file = path.basename(url.pathname);
    const pkg = [...packages.values()].find(p => p.file === file);
    if (!pkg) return notFound(res);
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    return fs.createReadStream(path.join(tarballDir, file)).pipe(res);
  }
  const name = decodeURIComponent(url.pathname.slice(1));
  const pkg = packages.get(name);
  if (!pkg) return notFound(res);
  const { version } = pkg.manifest;
  const body = {
    name,
    'dist-tags': { latest: version },
    versions: {
      [version]: {
        ...pkg.manifest,
        dist: {
          tarball: `${base}/-/tarballs/${pkg.file}`,
          shasum: pkg.shasum,
          integrity: pkg.integrity,
        },
      },
    },
    time: { created: PUBLISHED, modified: PUBLISHED, [version]: PUBLISHED },
  };
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
});

function notFound(res) {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
}

server.listen(0, '127.0.0.1', () => {
  fs.writeFileSync(portFile, String(server.address().port));
});
