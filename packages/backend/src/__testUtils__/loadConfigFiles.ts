import { ConfigSources } from '@backstage/config-loader';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '../../../..');

/** The environment a production start substitutes into app-config.production.yaml. */
export const PRODUCTION_ENV: Record<string, string> = {
  BACKSTAGE_BASE_URL: 'https://backstage.example.com',
  POSTGRES_HOST: 'db.example.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'from-the-environment',
};

/**
 * The repository's config files (names relative to its root), read by Backstage's own loader as
 * a start passes them with `--config`: in order, env substitution, a null removing a key.
 */
export async function loadConfigFiles(files: string[]) {
  const source = ConfigSources.default({
    rootDir: repoRoot,
    argv: files.flatMap(file => ['--config', join(repoRoot, file)]),
    substitutionFunc: async name => PRODUCTION_ENV[name],
    env: {},
    watch: false,
  });
  return ConfigSources.toConfig(source);
}
