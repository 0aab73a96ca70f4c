import { FINDING_SEVERITIES } from '@defender-backstage/plugin-defender-for-containers-common';
import createKnex, { type Knex } from 'knex';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshot, SUB, DAY1 } from '../src/__testUtils__/storeTestWorld';
import type { StoredFinding } from '../src/store/HealthStore';
import { KnexHealthStore } from '../src/store/KnexHealthStore';

const FINDINGS = 10_000;
const PACKAGES = [
  'openssl',
  'libcurl',
  'glibc',
  'zlib',
  'libxml2',
  'python3',
  'nodejs',
];

/** Findings shaped like Defender's: `org/repo:tag` images, one CVE each, most with a fix. */
function findings(n: number): StoredFinding[] {
  return Array.from({ length: n }, (_, i) => {
    const pkg = PACKAGES[i % PACKAGES.length];
    const cve = `CVE-20${20 + (i % 6)}-${10000 + i}`;
    return {
      id: i.toString(16).padStart(32, '0'),
      image: `acme/service-${i % 40}:1.${i % 9}.${i % 13}`,
      repository: `acme/service-${i % 40}`,
      package: pkg,
      title: `${pkg}: ${cve}`,
      severity: FINDING_SEVERITIES[i % 4],
      cves: [cve],
      installedVersion: `1.${i % 20}.${i % 7}-r${i % 3}`,
      fixedVersion: i % 3 ? `1.${(i % 20) + 1}.0` : undefined,
      firstSeenAt: new Date(Date.UTC(2026, 10, 1 + (i % 30))).toISOString(),
    };
  });
}

async function storeWith(knex: Knex, n: number) {
  const store = await KnexHealthStore.create({ getClient: async () => knex });
  const base = snapshot('acme');
  await store.replaceSubscription(
    SUB,
    [{ ...base, findings: { ...base.findings, open: findings(n) } }],
    DAY1,
  );
}

/** Bytes SQLite's file grows by for `n` findings (VACUUMed, so free pages do not count). */
async function sqliteBytes(n: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'findings-size-'));
  const filename = join(dir, 'db.sqlite');
  const knex = createKnex({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
  try {
    await storeWith(knex, n);
    await knex.raw('VACUUM');
    return statSync(filename).size;
  } finally {
    await knex.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresBytes(connection: string): Promise<number> {
  const admin = createKnex({ client: 'pg', connection });
  const database = `findings_size_${Date.now()}`;
  await admin.raw(`CREATE DATABASE ${database}`);
  const knex = createKnex({
    client: 'pg',
    connection: `${connection}/${database}`,
  });
  try {
    await storeWith(knex, FINDINGS);
    await knex.raw('VACUUM ANALYZE defender_findings');
    const { rows } = await knex.raw(
      "SELECT pg_total_relation_size('defender_findings') AS bytes",
    );
    return Number(rows[0].bytes);
  } finally {
    await knex.destroy();
    await admin.raw(`DROP DATABASE ${database}`);
    await admin.destroy();
  }
}

/**
 * Storage per 10,000 stored findings: SQLite (file growth over the same database without them)
 * and, when `scripts/postgres.sh` started one, PostgreSQL (the table with its indexes and TOAST).
 */
export async function findingsStorageBench(
  emit: (figure: Record<string, unknown>) => void,
) {
  console.log(
    `\nStorage of ${FINDINGS.toLocaleString(
      'en',
    )} open findings (table defender_findings with its indexes)`,
  );
  const sqlite = (await sqliteBytes(FINDINGS)) - (await sqliteBytes(0));
  const show = (label: string, bytes: number) => {
    console.log(
      `${label.padEnd(11)} ${(bytes / 1024 / 1024).toFixed(
        2,
      )} MiB (${Math.round(bytes / FINDINGS)} bytes per finding)`,
    );
    emit({
      figure: `storage per 10,000 findings, ${label}`,
      value: Number((bytes / 1024 / 1024).toFixed(2)),
      unit: 'MiB',
      better: 'lower',
    });
  };
  show('SQLite', sqlite);
  const pgKey = Object.keys(process.env).find(k =>
    /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(k),
  );
  if (pgKey) show('PostgreSQL', await postgresBytes(process.env[pgKey]!));
  else
    console.log(
      'PostgreSQL  skipped: run `source scripts/postgres.sh` in the same shell first',
    );
}
