// The templates' single source is the repository's top-level templates/ folder; the package ships
// a copy. `copy` writes it into this package (the prepack script, before the file list is made),
// `remove` takes it away again (postpack), so the working tree holds one source only.
// Usage: node scripts/templates.mjs copy|remove
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
);
const source = path.resolve(packageDir, '..', '..', 'templates');
const copy = path.join(packageDir, 'templates');

const command = process.argv[2];
fs.rmSync(copy, { recursive: true, force: true });
if (command === 'copy') {
  if (!fs.existsSync(path.join(source, 'templates.yaml'))) {
    console.error(`no templates.yaml in ${source}: nothing to ship`);
    process.exit(1);
  }
  fs.cpSync(source, copy, { recursive: true });
} else if (command !== 'remove') {
  console.error('usage: node scripts/templates.mjs copy|remove');
  process.exit(2);
}
