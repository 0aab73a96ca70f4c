// Applies the install steps of the package READMEs to an app, verbatim. A step is a fenced code
// block preceded by a marker comment (invisible on GitHub and npm):
//
//   <!-- adopter-smoke: run -->                       bash, in the app's root
//   <!-- adopter-smoke: background until="TEXT" -->   bash in the background, until its output shows TEXT
//   <!-- adopter-smoke: add-to FILE -->               TypeScript: `import` lines join FILE's imports,
//                                                     the others go before its `backend.start();`
//   <!-- adopter-smoke: merge FILE -->                YAML, deep-merged into FILE (lists appended,
//                                                     an item FILE already has is not added twice)
//   <!-- adopter-smoke: same-as FILE -->              YAML that FILE, as the steps before wrote it, must
//                                                     equal once parsed (the app's folder written as
//                                                     /path/to/your/app, the emulator's port as 7443)
//
// Usage: node readme-steps.mjs <app dir> <log dir> <README>...
// Prints one line per step; writes <log dir>/background.pids for the caller to stop.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const YAML = require('yaml');

const [appDir, logDir, ...readmes] = process.argv.slice(2);
const MARKER = /^<!--\s*adopter-smoke:\s*(.+?)\s*-->\s*$/;

/** Every marked block of a README, in order: { readme, directive, lang, body }. */
export function extractSteps(readme, text) {
  const lines = text.split('\n');
  const steps = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = lines[i].match(MARKER);
    if (!marker) continue;
    let j = i + 1;
    while (j < lines.length && lines[j].trim() === '') j++;
    const fence = lines[j]?.match(/^(`{3,})(\S*)/);
    if (!fence) {
      throw new Error(
        `${readme}:${i + 1}: marker not followed by a fenced code block`,
      );
    }
    const end = lines.findIndex((l, k) => k > j && l.startsWith(fence[1]));
    if (end < 0) throw new Error(`${readme}:${j + 1}: unterminated code block`);
    steps.push({
      readme,
      line: i + 1,
      directive: marker[1],
      lang: fence[2],
      body: lines.slice(j + 1, end).join('\n'),
    });
    i = end;
  }
  return steps;
}

function run(step) {
  const result = spawnSync('bash', ['-euo', 'pipefail', '-c', step.body], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  fs.appendFileSync(
    path.join(logDir, 'steps.log'),
    `$ ${step.body}\n${result.stdout}${result.stderr}\n`,
  );
  if (result.status !== 0) {
    throw new Error(
      `${where(step)}: exited with ${result.status}:\n${step.body}\n${(
        result.stdout + result.stderr
      ).slice(-3000)}`,
    );
  }
}

async function background(step, until) {
  const log = path.join(logDir, `background-${step.line}.log`);
  const out = fs.openSync(log, 'a');
  const child = spawn('bash', ['-euo', 'pipefail', '-c', step.body], {
    cwd: appDir,
    stdio: ['ignore', out, out],
    detached: true, // its own process group, so the caller can stop all of it
  });
  fs.appendFileSync(path.join(logDir, 'background.pids'), `${child.pid}\n`);
  const deadline = Date.now() + 60_000;
  while (!fs.readFileSync(log, 'utf8').includes(until)) {
    if (child.exitCode !== null) {
      throw new Error(
        `${where(step)}: stopped:\n${fs.readFileSync(log, 'utf8')}`,
      );
    }
    if (Date.now() > deadline)
      throw new Error(`${where(step)}: no "${until}" in 60 s (${log})`);
    await new Promise(r => setTimeout(r, 200));
  }
  // Running on its own now: this script may exit, the caller stops it by its process group.
  child.unref();
  fs.closeSync(out);
}

function addTo(step, file) {
  const target = path.join(appDir, file);
  const lines = fs.readFileSync(target, 'utf8').split('\n');
  const body = step.body.split('\n');
  // An import statement may span lines: from `import` to the line ending in `;`.
  const imports = [];
  const statements = [];
  for (let i = 0; i < body.length; i++) {
    if (/^import\s/.test(body[i])) {
      let k = i;
      while (!body[k].trim().endsWith(';') && k < body.length - 1) k++;
      imports.push(...body.slice(i, k + 1));
      i = k;
    } else {
      statements.push(body[i]);
    }
  }
  const start = lines.findIndex(l => l.trim() === 'backend.start();');
  if (statements.some(l => l.trim()) && start < 0) {
    throw new Error(
      `${where(step)}: ${file} has no 'backend.start();' line to add before`,
    );
  }
  if (statements.some(l => l.trim())) lines.splice(start, 0, ...statements);
  if (imports.length) {
    let last = -1;
    for (let i = 0; i < lines.length; i++)
      if (/^import\s/.test(lines[i])) last = i;
    // the end of that (possibly multi-line) import
    while (last >= 0 && !lines[last].trim().endsWith(';')) last++;
    lines.splice(last + 1, 0, ...imports);
  }
  fs.writeFileSync(target, lines.join('\n'));
}

function mergeInto(into, from) {
  if (YAML.isMap(from)) {
    for (const pair of from.items) {
      const key = pair.key.value ?? pair.key;
      const existing = into.get(key, true);
      if (existing && YAML.isMap(existing) && YAML.isMap(pair.value)) {
        mergeInto(existing, pair.value);
      } else if (existing && YAML.isSeq(existing) && YAML.isSeq(pair.value)) {
        // Several READMEs ask for the same line (each package can be installed alone).
        const has = new Set(existing.toJSON().map(v => JSON.stringify(v)));
        existing.items.push(
          ...pair.value.items.filter(i => !has.has(JSON.stringify(i.toJSON()))),
        );
      } else {
        into.set(key, pair.value);
      }
    }
  }
}

function merge(step, file) {
  const target = path.join(appDir, file);
  const text = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  const doc = YAML.parseDocument(text || '{}');
  const add = YAML.parseDocument(step.body);
  if (add.errors.length)
    throw new Error(`${where(step)}: ${add.errors[0].message}`);
  // New top-level keys are pasted as written, the way an adopter adds them at the end of the file;
  // only a key the file already has needs merging (which re-formats the file).
  const keys = YAML.isMap(add.contents)
    ? add.contents.items.map(p => p.key.value ?? p.key)
    : [];
  if (keys.every(k => !doc.has(k))) {
    fs.writeFileSync(target, `${text.replace(/\n*$/, '\n')}\n${step.body}\n`);
    return;
  }
  if (!doc.contents) doc.contents = doc.createNode({});
  mergeInto(doc.contents, add.contents);
  fs.writeFileSync(target, doc.toString({ lineWidth: 0 }));
}

// A README that shows what a command writes must show what it writes: the adopter who copies the
// block instead of running the command gets the same config.
function sameAs(step, file) {
  let text = fs.readFileSync(path.join(appDir, file), 'utf8');
  for (const dir of new Set([appDir, fs.realpathSync(appDir)]))
    text = text.split(dir).join('/path/to/your/app');
  const port = process.env.AZURE_DOCKERHUB_EMULATOR_PORT;
  if (port) text = text.split(`127.0.0.1:${port}`).join('127.0.0.1:7443');
  const differences = [];
  (function compare(shown, actual, at) {
    if (JSON.stringify(shown) === JSON.stringify(actual)) return;
    const isObject = v => v && typeof v === 'object';
    if (!isObject(shown) || !isObject(actual)) {
      differences.push(
        `  ${at || '(root)'}: README ${JSON.stringify(
          shown,
        )}, ${file} ${JSON.stringify(actual)}`,
      );
      return;
    }
    for (const key of new Set([...Object.keys(shown), ...Object.keys(actual)]))
      compare(
        shown[key],
        actual[key],
        `${at}${Array.isArray(actual) ? `[${key}]` : `.${key}`}`,
      );
  })(YAML.parse(step.body), YAML.parse(text), '');
  if (differences.length) {
    throw new Error(
      `${where(
        step,
      )}: the README's ${file} is not what the steps wrote:\n${differences.join(
        '\n',
      )}`,
    );
  }
}

function where(step) {
  return `${path.relative(process.cwd(), step.readme)}:${step.line}`;
}

async function main() {
  const steps = readmes.flatMap(r =>
    extractSteps(r, fs.readFileSync(r, 'utf8')),
  );
  if (steps.length === 0)
    throw new Error('no adopter-smoke steps in the READMEs');
  for (const step of steps) {
    const [kind, ...rest] = step.directive.split(/\s+/);
    const arg = rest.join(' ');
    const started = Date.now();
    if (kind === 'run') run(step);
    else if (kind === 'background') {
      const until = arg.match(/^until="(.*)"$/)?.[1];
      if (!until)
        throw new Error(`${where(step)}: background needs until="TEXT"`);
      await background(step, until);
    } else if (kind === 'add-to') addTo(step, arg);
    else if (kind === 'merge') merge(step, arg);
    else if (kind === 'same-as') sameAs(step, arg);
    else throw new Error(`${where(step)}: unknown step '${kind}'`);
    const first = step.body.split('\n').find(l => l.trim()) ?? '';
    console.log(
      `  ✓ ${where(step)} ${kind}${
        arg && kind !== 'background' ? ` ${arg}` : ''
      }: ${first.slice(0, 90)}${
        step.body.split('\n').filter(l => l.trim()).length > 1 ? ' …' : ''
      } (${((Date.now() - started) / 1000).toFixed(1)}s)`,
    );
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  main().catch(e => {
    console.error(`✗ ${e.message}`);
    process.exit(1);
  });
}
