/*
 * Security suite: the whole composition (scaffolder backend + our scaffolder module + our backend
 * plugin, on a real database, against the emulator over HTTPS) driven over HTTP as users and
 * other templates would drive it.
 *   - Real scaffolder tasks (POST /api/scaffolder/v2/tasks) onboard and offboard with the token
 *     as a task secret, while Azure echoes the stored token back (the spec allows it). Then the
 *     token (and its Basic-auth form) is looked for in every backend log line, every task event
 *     (the task log), every task output, every row of every table of every plugin's database
 *     (SQLite files, and PostgreSQL when scripts/postgres.sh started one) and every API response.
 *   - Every route without credentials is 401; a denied user gets 403; an entity the caller cannot
 *     read is 404 like one that does not exist; a foreign subscription is refused, and one that
 *     was configured, refreshed into the database, then removed from the config (the backend
 *     restarted on the same database) shows on no read path.
 *   - A table of bad inputs goes through real tasks of a template that passes them straight to
 *     the actions: each fails with a clear message and no stack frame in the task log, and no
 *     remote write happens. Bad annotations go through the entity route: answered without error
 *     or stack, no foreign data, no call to Azure.
 * Prints the counts.
 */
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type LoggerService,
  type PermissionsService,
} from '@backstage/backend-plugin-api';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import defenderScaffolderModule from '@defender-backstage/plugin-scaffolder-backend-module-defender-for-containers';
import defenderPlugin, {
  defenderHealthServiceRef,
  type DefenderHealthService,
} from '@defender-backstage/plugin-defender-for-containers-backend';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Emulator } from '@defender-backstage/azure-dockerhub-emulator';

import {
  STACK_FRAME,
  defenderTestConfig,
  startDefenderTestEmulator,
} from '@defender-backstage/plugin-defender-for-containers-node/testUtils';
import type { JsonObject } from '@backstage/types';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BAD_ANNOTATIONS, BAD_INPUTS } from '../__testUtils__/badInputs';
import {
  foreignAnnotations,
  sweepForeign,
} from '../__testUtils__/foreignSweep';
import {
  FOREIGN,
  FOREIGN_CONNECTOR,
  RG,
  SUB,
  TOKEN,
  WRITE_TOKEN,
  component,
  connectorResource,
  offboardTemplate,
  onboardTemplate,
  rawTemplates,
  scenario,
} from '../__testUtils__/securityWorld';

jest.setTimeout(600_000);

// The backend's own database drivers, read directly (the package has no typings for them).
interface SqliteDatabase {
  prepare(sql: string): { all(): unknown[] };
  close(): void;
}
interface PgClient {
  connect(): Promise<void>;
  query(sql: string, values?: unknown[]): Promise<{ rows: any[] }>;
  end(): Promise<void>;
}
/* eslint-disable @typescript-eslint/no-require-imports */
const Database: new (
  file: string,
  o: object,
) => SqliteDatabase = require('better-sqlite3');
const { Client }: { Client: new (o: object) => PgClient } = require('pg');
/* eslint-enable @typescript-eslint/no-require-imports */

const USER = 'user:default/platform-engineer';
const DENIED = 'user:default/denied';
const OUTSIDER = 'user:default/outsider';
const API = '/api/defender-for-containers';
const SECRETS = [
  TOKEN,
  WRITE_TOKEN,
  Buffer.from(`mdcuser:${TOKEN}`).toString('base64'),
  Buffer.from(TOKEN).toString('base64'),
];

const postgresId = process.env.DEFENDER_TEST_POSTGRES_ID;
const postgresUrl =
  postgresId &&
  process.env[
    `BACKSTAGE_TEST_DATABASE_${postgresId.replace('_', '')}_CONNECTION_STRING`
  ];
if (!postgresUrl && process.env.CI) {
  throw new Error(
    'CI runs the security suite on PostgreSQL too, but DEFENDER_TEST_POSTGRES_ID is not set: source scripts/postgres.sh before jest',
  );
}
const DATABASES = postgresUrl ? ['SQLite', 'PostgreSQL'] : ['SQLite'];

/** Everything the backend logs, as text (message and metadata). */
function capturingRootLogger(lines: string[]) {
  const logger = (fields: object = {}): LoggerService => {
    const at = (level: string) => (message: string, meta?: object | Error) => {
      lines.push(
        `${level} ${message} ${JSON.stringify(fields)} ${
          meta instanceof Error
            ? `${meta.message} ${meta.stack}`
            : JSON.stringify(meta ?? {})
        }`,
      );
    };
    return {
      error: at('error'),
      warn: at('warn'),
      info: at('info'),
      debug: at('debug'),
      child: more => logger({ ...fields, ...more }),
    };
  };
  return createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => logger(),
  });
}

/** Allows everything, except to DENIED (who is refused every permission). */
const permissionsFactory = createServiceFactory({
  service: coreServices.permissions,
  deps: {},
  factory: (): PermissionsService => {
    const decide = (options?: { credentials?: any }) =>
      options?.credentials?.principal?.userEntityRef === DENIED
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW;
    return {
      authorize: async (requests, options) =>
        requests.map(() => ({ result: decide(options as any) })) as any,
      authorizeConditional: async (requests, options) =>
        requests.map(() => ({ result: decide(options as any) })) as any,
    };
  },
});

/** The catalog as each caller sees it: OUTSIDER cannot read the component `restricted`. */
function catalogFactory(entities: Entity[]) {
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const mock = catalogServiceMock({ entities });
      const getEntityByRef = mock.getEntityByRef.bind(mock);
      mock.getEntityByRef = (async (ref: any, options: any) => {
        const who = options?.credentials?.principal?.userEntityRef;
        const name = typeof ref === 'string' ? ref.split('/').pop() : ref.name;
        if (who === OUTSIDER && name === 'restricted') return undefined;
        return getEntityByRef(ref, options);
      }) as any;
      return mock;
    },
  });
}

async function dumpSqlite(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const file of readdirSync(dir).filter(f => f.endsWith('.sqlite'))) {
    const db = new Database(join(dir, file), { readonly: true });
    try {
      const tables = db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`)
        .all() as { name: string }[];
      for (const { name } of tables) {
        parts.push(
          `${file}.${name} ${JSON.stringify(
            db.prepare(`SELECT * FROM "${name}"`).all(),
          )}`,
        );
      }
    } finally {
      db.close();
    }
  }
  return parts.join('\n');
}

async function withPg<T>(database: string, fn: (c: PgClient) => Promise<T>) {
  const url = new URL(postgresUrl!);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const pluginDatabases = (prefix: string) =>
  withPg('postgres', async c =>
    (
      await c.query('SELECT datname FROM pg_database WHERE datname LIKE $1', [
        `${prefix}%`,
      ])
    ).rows.map(r => r.datname as string),
  );

async function dumpPostgres(prefix: string): Promise<string> {
  const parts: string[] = [];
  for (const database of await pluginDatabases(prefix)) {
    await withPg(database, async c => {
      const tables = await c.query(
        `SELECT table_schema, table_name FROM information_schema.tables
         WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
      );
      for (const t of tables.rows) {
        const rows = await c.query(
          `SELECT * FROM "${t.table_schema}"."${t.table_name}"`,
        );
        parts.push(`${database}.${t.table_name} ${JSON.stringify(rows.rows)}`);
      }
    });
  }
  return parts.join('\n');
}

describe.each(DATABASES)('security suite (%s)', databaseKind => {
  const work = mkdtempSync(join(tmpdir(), 'defender-security-'));
  const caFile = join(work, 'ca.pem');
  const prefix = `sec${Date.now().toString(36)}_`;
  const backendLog: string[] = [];
  const responses: string[] = [];
  let emu: Emulator;
  let server: Server;
  let stopBackend: () => Promise<void>;
  let base: string;
  let health: DefenderHealthService;
  /** Connectors of FOREIGN in the database, read while FOREIGN was still configured. */
  let foreignStored = 0;
  const counts = new Map<string, number>();
  const count = (name: string, n = 1) =>
    counts.set(name, (counts.get(name) ?? 0) + n);

  async function call(
    method: string,
    path: string,
    options: { user?: string; body?: unknown; keep?: boolean } = {},
  ) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.user
          ? { authorization: mockCredentials.user.header(options.user) }
          : {}),
        ...(options.body ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body ? JSON.stringify(options.body) : undefined,
    });
    const text = await res.text();
    if (options.keep !== false) responses.push(`${method} ${path} ${text}`);
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body, text };
  }

  /** Starts a task as USER and waits for its end; returns its status, events and output. */
  async function runTask(
    template: string,
    values: Record<string, unknown>,
    secrets?: Record<string, string>,
  ) {
    const created = await call('POST', '/api/scaffolder/v2/tasks', {
      user: USER,
      body: { templateRef: `template:default/${template}`, values, secrets },
    });
    if (created.status !== 201)
      throw new Error(`task not created: ${created.status} ${created.text}`);
    const id = created.body.id;
    const deadline = Date.now() + 120_000;
    let task: any;
    for (;;) {
      task = (
        await call('GET', `/api/scaffolder/v2/tasks/${id}`, { user: USER })
      ).body;
      if (['completed', 'failed', 'cancelled'].includes(task.status)) break;
      if (Date.now() > deadline) throw new Error(`task ${id} did not end`);
      await new Promise(r => setTimeout(r, 100));
    }
    const events = (
      await call('GET', `/api/scaffolder/v2/tasks/${id}/events`, { user: USER })
    ).body as any[];
    return { id, status: task.status as string, task, events };
  }

  const writes = (from: number) =>
    emu
      .state()
      .requestLog.slice(from)
      .filter(
        e =>
          ['PUT', 'PATCH', 'DELETE'].includes(e.method) ||
          (e.method === 'POST' && /\/register$/i.test(e.path)),
      );

  beforeAll(async () => {
    ({ emu } = await startDefenderTestEmulator({ scenario, seed: 5, caFile }));
    const entities: Entity[] = [
      ...rawTemplates,
      onboardTemplate,
      offboardTemplate,
      connectorResource('acme', SUB),
      connectorResource('hooli', FOREIGN),
      component('payments', {
        'microsoft.com/defender-dockerhub-organization': 'acme',
      }),
      component('restricted', {
        'microsoft.com/defender-dockerhub-organization': 'acme',
      }),
      ...BAD_ANNOTATIONS.map((a, i) => component(`bad-${i}`, a.annotations)),
      ...Object.entries(foreignAnnotations).map(([name, a]) =>
        component(name, a),
      ),
    ];
    const database =
      databaseKind === 'SQLite'
        ? { client: 'better-sqlite3', connection: { directory: work } }
        : { client: 'pg', connection: postgresUrl, prefix };
    const configured = (id: string, displayName: string) => ({
      id,
      displayName,
      resourceGroups: [RG],
      defaults: { resourceGroup: RG, location: 'westeurope' },
    });
    const startBackend = (subscriptions: object[]) =>
      startTestBackend({
        features: [
          scaffolderPlugin,
          defenderScaffolderModule,
          defenderPlugin,
          catalogFactory(entities),
          permissionsFactory,
          // Without this the test backend treats a request without a token as a default user.
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          createBackendModule({
            pluginId: 'defender-for-containers',
            moduleId: 'security-suite',
            register(reg) {
              reg.registerInit({
                deps: { h: defenderHealthServiceRef },
                async init({ h }) {
                  health = h;
                },
              });
            },
          }),
          capturingRootLogger(backendLog),
          databaseServiceFactory,
          mockServices.rootConfig.factory({
            data: (() => {
              const emulatorConfig = defenderTestConfig(emu, {
                subscriptions,
                caFile,
              });
              return {
                backend: { database },
                defenderForContainers: {
                  ...(emulatorConfig.defenderForContainers as JsonObject),
                  health: {
                    schedule: {
                      frequency: { hours: 1 },
                      timeout: { minutes: 1 },
                      initialDelay: { hours: 1 },
                    },
                  },
                },
              };
            })(),
          }),
        ],
      });
    // FOREIGN was configured once: its connector is read into the database, then removed from
    // the config, the backend restarted on the same database (the foreign test sweeps for it).
    const earlier = await startBackend([
      configured(SUB, 'Production'),
      configured(FOREIGN, 'Foreign'),
    ]);
    await health.refreshAll();
    foreignStored = (
      await health.listConnectors(
        { limit: 200, offset: 0 },
        { credentials: mockCredentials.user(USER) },
      )
    ).items.filter(c => c.organization === 'hooli').length;
    await earlier.stop();
    const backend = await startBackend([configured(SUB, 'Production')]);
    server = backend.server;
    stopBackend = () => backend.stop();
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await stopBackend?.();
    await emu?.stop();
    // The PostgreSQL databases stay: dropping them races the scaffolder's pools as they close,
    // and scripts/postgres.sh removes the whole throwaway cluster on exit.
    rmSync(work, { recursive: true, force: true });
    // eslint-disable-next-line no-console
    console.log(
      [
        `security suite (${databaseKind}):`,
        ...[...counts.entries()].map(([k, v]) => `  ${k}: ${v}`),
      ].join('\n'),
    );
  });

  it('onboards and offboards through real scaffolder tasks; the token is nowhere afterwards', async () => {
    const onboard = await runTask(
      'secure-onboard',
      { organization: 'acme', username: 'mdcuser', subscriptionId: SUB },
      { accessToken: TOKEN },
    );
    expect(onboard.status).toBe('completed');
    // Azure now holds (and echoes) the token: a layer that does not strip it would leak it.
    expect(emu.state().echoAccessToken).toBe(true);
    const failing = await runTask(
      'secure-onboard',
      { organization: 'acme', username: 'mdcuser', subscriptionId: SUB },
      { accessToken: WRITE_TOKEN },
    );
    expect(failing.status).toBe('failed');
    // The scheduled refresh reads what Azure echoes into the plugin's database; then the card's
    // routes and an on-demand refresh answer from there.
    await health.refreshAll();
    const list = await call('GET', `${API}/connectors`, { user: USER });
    const refresh = await call(
      'POST',
      `${API}/connectors/${encodeURIComponent(
        `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
      )}/refresh`,
      { user: USER },
    );
    expect(refresh.status).toBe(202);
    expect(list.body.items.map((c: any) => c.organization)).toEqual(['acme']);
    await call('GET', `${API}/entities/component/default/payments/defender`, {
      user: USER,
    });
    await call('GET', `${API}/azure/subscriptions`, { user: USER });
    const offboard = await runTask('secure-offboard', { organization: 'acme' });
    expect(offboard.status).toBe('completed');

    const tasks = [onboard, failing, offboard];
    const places: Record<string, string> = {
      'backend log lines': backendLog.join('\n'),
      'task events (task logs)': JSON.stringify(tasks.map(t => t.events)),
      'task outputs and specs': JSON.stringify(tasks.map(t => t.task)),
      'API responses': responses.join('\n'),
      [`database (${databaseKind}, every table of every plugin)`]:
        databaseKind === 'SQLite'
          ? await dumpSqlite(work)
          : await dumpPostgres(prefix),
    };
    for (const [place, text] of Object.entries(places)) {
      expect(text.length).toBeGreaterThan(0);
      count(`scanned ${place} (characters)`, text.length);
      for (const secret of SECRETS) {
        if (text.includes(secret)) throw new Error(`token found in ${place}`);
      }
    }
    // The scan looked where the token would be: the task tables and the connectors are there.
    expect(
      places[`database (${databaseKind}, every table of every plugin)`],
    ).toMatch(/tasks/);
    count('token occurrences found', 0);
  });

  it('answers 401 without credentials, 403 when denied, 404 for an unreadable entity, and refuses a foreign subscription', async () => {
    const connector = encodeURIComponent(
      `/subscriptions/${SUB}/resourceGroups/${RG}/providers/Microsoft.Security/securityConnectors/dockerhub-acme`,
    );
    const routes: Array<[string, string]> = [
      ['GET', `${API}/connectors`],
      ['GET', `${API}/connectors/owners`],
      ['GET', `${API}/entities/component/default/payments/defender`],
      ['POST', `${API}/connectors/${connector}/refresh`],
      ['GET', `${API}/azure/subscriptions`],
    ];
    for (const [method, path] of routes) {
      const anonymous = await call(method, path);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      count('routes without credentials → 401');
      const denied = await call(method, path, { user: DENIED });
      expect({ path, status: denied.status }).toEqual({ path, status: 403 });
      expect(denied.text).toMatch(/defender-for-containers\.connector\./);
      count('routes with the permission denied → 403');
    }
    expect((await call('GET', `${API}/health`)).status).toBe(200);

    const unreadable = await call(
      'GET',
      `${API}/entities/component/default/restricted/defender`,
      { user: OUTSIDER },
    );
    const missing = await call(
      'GET',
      `${API}/entities/component/default/no-such-entity/defender`,
      { user: OUTSIDER },
    );
    expect(unreadable.status).toBe(404);
    expect(missing.status).toBe(404);
    // Indistinguishable from an entity that does not exist, but for the name.
    expect(unreadable.text.replaceAll('restricted', 'X')).toEqual(
      missing.text.replaceAll('no-such-entity', 'X'),
    );
    count('unreadable entity → 404 like a missing one');

    const before = emu.state().requestLog.length;
    const foreignRefresh = await call(
      'POST',
      `${API}/connectors/${encodeURIComponent(FOREIGN_CONNECTOR)}/refresh`,
      { user: USER },
    );
    expect([400, 404]).toContain(foreignRefresh.status);
    const subscriptions = await call('GET', `${API}/azure/subscriptions`, {
      user: USER,
    });
    expect(subscriptions.text).not.toContain(FOREIGN);
    const foreignList = await call(
      'GET',
      `${API}/connectors?subscriptionId=${FOREIGN}`,
      { user: USER },
    );
    expect(foreignList.text).not.toContain('hooli');
    const foreignOnboard = await runTask(
      'secure-onboard',
      { organization: 'hooli', username: 'mdcuser', subscriptionId: FOREIGN },
      { accessToken: TOKEN },
    );
    expect(foreignOnboard.status).toBe('failed');
    expect(JSON.stringify(foreignOnboard.events)).toContain(
      'defenderForContainers.azure.subscriptions',
    );
    expect(writes(before)).toEqual([]);
    count('foreign subscription refused (refresh, list, onboarding)', 3);

    // Its data, read while it was configured, shows on no read path now that it is not.
    expect(foreignStored).toBe(1);
    const swept = await sweepForeign(
      (method, path) => call(method, path, { user: USER }),
      health,
      mockCredentials.user(USER),
    );
    expect(swept.filter(([, shown]) => shown.length)).toEqual([]);
    count(
      'read paths swept for a subscription removed from config after a refresh stored it (nothing shown)',
      swept.length,
    );
  });

  it(`fails each of ${BAD_INPUTS.length} bad action inputs, passed by another template to real tasks, with a clear message, no stack and no remote write`, async () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(60);
    const problems: string[] = [];
    let silent = 0;
    for (const bad of BAD_INPUTS) {
      const from = emu.state().requestLog.length;
      const r = await runTask(`raw-${bad.action}`, { input: bad.input });
      const errors = r.events
        .filter((e: any) => e.type === 'completion' || e.body?.error)
        .map((e: any) => e.body?.error?.message ?? e.body?.message ?? '')
        .join(' ');
      const log = r.events
        .map((e: any) => String(e.body?.message ?? ''))
        .join('\n');
      if (r.status !== 'failed') problems.push(`${bad.what}: task ${r.status}`);
      if (process.env.SECURITY_DEBUG && bad.what === process.env.SECURITY_DEBUG)
        // eslint-disable-next-line no-console
        console.log(JSON.stringify(r.events, null, 1));
      if (!errors.trim()) problems.push(`${bad.what}: no error message`);
      else if (!errors.includes(bad.names))
        problems.push(`${bad.what}: the message does not name ${bad.names}`);
      if (STACK_FRAME.test(log))
        problems.push(`${bad.what}: stack frame in the task log`);
      if (writes(from).length)
        problems.push(
          `${bad.what}: remote writes ${writes(from)
            .map(w => `${w.method} ${w.path}`)
            .join(', ')}`,
        );
      if (emu.state().requestLog.length === from) silent++;
      count(`bad inputs (${bad.action})`);
    }
    count('bad inputs refused before any remote call', silent);
    count(
      'bad inputs with a remote write',
      problems.filter(p => p.includes('remote writes')).length,
    );
    expect(problems).toEqual([]);
  });

  it(`answers each of ${BAD_ANNOTATIONS.length} bad annotations on the entity route without an error, a stack, foreign data or a call to Azure`, async () => {
    const before = emu.state().requestLog.length;
    const problems: string[] = [];
    for (const [i, bad] of BAD_ANNOTATIONS.entries()) {
      const res = await call(
        'GET',
        `${API}/entities/component/default/bad-${i}/defender`,
        { user: USER },
      );
      if (res.status !== 200) problems.push(`${bad.what}: ${res.status}`);
      if (/\n\s+at |"stack"/.test(res.text))
        problems.push(`${bad.what}: stack in the answer`);
      // Each value is explained: ignored with a reason naming its annotation, or answered as a
      // connector Backstage does not know (with a message). Values that are blank once split
      // name nothing at all, which the card shows as "add an annotation".
      const blank = Object.values(bad.annotations).every(v =>
        v.split(',').every(part => !part.trim()),
      );
      const ignored: Array<{ annotation: string; reason: string }> =
        res.body?.ignored ?? [];
      const connectors: Array<{ status: string; message?: string }> =
        res.body?.connectors ?? [];
      const explained = blank
        ? !ignored.length && !connectors.length
        : ignored.some(
            entry =>
              entry.annotation in bad.annotations && entry.reason.length > 10,
          ) || connectors.some(c => c.status === 'missing' && c.message);
      if (!explained) problems.push(`${bad.what}: not explained`);
      // A foreign connector is answered as not connected (or its annotation as ignored, with
      // the reason): nothing read from its subscription shows.
      const shown = (res.body?.connectors ?? []).filter(
        (c: any) =>
          c.status !== 'missing' &&
          (c.organization === 'hooli' ||
            JSON.stringify(c).toLowerCase().includes(FOREIGN)),
      );
      if (shown.length)
        problems.push(`${bad.what}: the foreign connector is shown`);
      count('bad annotations answered');
    }
    expect(
      emu
        .state()
        .requestLog.slice(before)
        .filter(e => !/token|openid/.test(e.path)),
    ).toEqual([]);
    const malformed = await call(
      'GET',
      `${API}/entities/component/default/${encodeURIComponent(
        '../../x',
      )}/defender`,
      { user: USER },
    );
    expect([400, 404]).toContain(malformed.status);
    expect(problems).toEqual([]);
    expect(stringifyEntityRef(component('x', {}))).toBe('component:default/x');
  });
});
