import fs from 'node:fs';
import path from 'node:path';

/**
 * The folder holding the templates, for the package at `packageDir`. Their single source is the
 * repository's top-level `templates/` folder, two levels above this package's sources; the packed
 * package carries a copy in its own `templates/` (the `prepack` script writes it). A package
 * installed under `node_modules` always reads its own copy, even when some `templates` folder
 * happens to sit two levels up.
 */
export function templatesDir(packageDir: string): string {
  const repository = path.resolve(packageDir, '..', '..', 'templates');
  const installed = packageDir.split(path.sep).includes('node_modules');
  if (!installed && fs.existsSync(path.join(repository, 'templates.yaml'))) {
    return repository;
  }
  return path.join(packageDir, 'templates');
}
