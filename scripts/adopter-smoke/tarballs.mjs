// Checks on the packed tarballs, before an app installs them, of what an adopter reads in them:
//  - a package that ships templates/ ships the repository's top-level templates/, byte for byte;
//  - every config schema file a README names (config.d.ts, config.schema.json) is in the tarball
//    of the package it is named for (its own, or one the same paragraph names), unless the name
//    links to the repository on GitHub;
//  - every relative link of a README points to a file in that package's tarball.
// Usage: node tarballs.mjs <tarball dir> <repository root> "<location> <name>"...
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [tarballDir, repoRoot, ...entries] = process.argv.slice(2);
const SCHEMA_FILE = /\bconfig\.(?:d\.ts|schema\.json)\b/g;
const HAS_SCHEMA_FILE = /\bconfig\.(?:d\.ts|schema\.json)\b/;
const PACKAGE_NAME = /@defender-backstage\/[a-z0-9-]+/g;
const GITHUB_LINK = /\[([^\]]*)\]\(https:\/\/github\.com\/[^)]*\)/g;

const packages = entries.map(entry => {
  const [location, name] = entry.split(' ');
  const tarball = path.join(tarballDir, `${name.split('/').pop()}.tgz`);
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(f => f && !f.endsWith('/'))
    .map(f => f.replace(/^package\//, ''));
  const read = file =>
    execFileSync('tar', ['-xzOf', tarball, `package/${file}`], {
      maxBuffer: 64 * 1024 * 1024,
    });
  const manifest = JSON.parse(
    fs.readFileSync(path.join(repoRoot, location, 'package.json'), 'utf8'),
  );
  return { location, name, manifest, files: new Set(files), read };
});
const byName = new Map(packages.map(p => [p.name, p]));

function filesUnder(dir, prefix = '') {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap(e =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`)
        : [`${prefix}${e.name}`],
    );
}

function templatesProblems(pkg) {
  const shipped = [...pkg.files].filter(f => f.startsWith('templates/'));
  if (!pkg.manifest.files?.includes('templates') && !shipped.length) return [];
  const source = path.join(repoRoot, 'templates');
  const expected = filesUnder(source).map(f => `templates/${f}`);
  const problems = [];
  for (const f of expected) {
    if (!pkg.files.has(f)) problems.push(`${f} is missing`);
    else if (!pkg.read(f).equals(fs.readFileSync(path.join(repoRoot, f))))
      problems.push(`${f} differs from the repository's`);
  }
  for (const f of shipped)
    if (!expected.includes(f))
      problems.push(`${f} is not in the repository's templates/`);
  return problems;
}

/** Paragraphs of the README (blank-line separated; a fenced block is one paragraph). */
function paragraphs(text) {
  return text.split(/\n\s*\n/);
}

function schemaProblems(pkg, readme) {
  const problems = [];
  for (const paragraph of paragraphs(readme)) {
    // A name that links to the repository speaks of the repository, not of what ships.
    const prose = paragraph.replace(GITHUB_LINK, (link, text) =>
      HAS_SCHEMA_FILE.test(text) ? '' : link,
    );
    const schemas = prose.match(SCHEMA_FILE) ?? [];
    if (!schemas.length) continue;
    const candidates = [
      pkg,
      ...(prose.match(PACKAGE_NAME) ?? []).map(n => byName.get(n)),
    ].filter(Boolean);
    for (const schema of new Set(schemas)) {
      if (!candidates.some(c => c.files.has(schema))) {
        problems.push(
          `names ${schema}, which is not in the tarball of ${candidates
            .map(c => c.name)
            .join(' or ')}: "${paragraph.trim().slice(0, 160)}…"`,
        );
      }
    }
  }
  return problems;
}

function relativeLinks(readme) {
  const targets = [];
  const prose = readme.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
    targets.push(m[1]);
  for (const m of prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm))
    targets.push(m[1]);
  for (const m of prose.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/g))
    targets.push(m[1]);
  return targets.filter(t => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(t));
}

function linkProblems(pkg, readme) {
  const problems = [];
  for (const target of relativeLinks(readme)) {
    const file = path.posix.normalize(
      decodeURI(target.replace(/[#?].*$/, '')).replace(/^\.\//, ''),
    );
    const isDir = [...pkg.files].some(f =>
      f.startsWith(`${file.replace(/\/$/, '')}/`),
    );
    if (!pkg.files.has(file) && !isDir) {
      problems.push(
        `links ${target}, which is not in the package (link to the repository on GitHub instead)`,
      );
    }
  }
  return problems;
}

let failed = 0;
for (const pkg of packages) {
  const readme = pkg.files.has('README.md')
    ? pkg.read('README.md').toString('utf8')
    : '';
  const problems = [
    ...(readme ? [] : ['has no README.md']),
    ...templatesProblems(pkg),
    ...schemaProblems(pkg, readme),
    ...linkProblems(pkg, readme),
  ];
  for (const problem of problems) console.error(`  ✗ ${pkg.name}: ${problem}`);
  failed += problems.length;
}
if (failed) process.exit(1);
const templates = packages.find(p => p.manifest.files?.includes('templates'));
console.log(
  `  ✓ ${
    packages.length
  } tarballs: READMEs name only schema files and link only files they ship${
    templates
      ? `; ${templates.name.split('/').pop()} ships templates/ byte for byte`
      : ''
  }`,
);
