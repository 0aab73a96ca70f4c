/*
 * Multi-replica proof: two `packages/backend` processes on ONE PostgreSQL (the throwaway cluster
 * of scripts/postgres.sh), against the emulator started here on an ephemeral port. Each replica
 * reaches the emulator through its own TCP pass-through proxy (TLS stays end to end), so every
 * Azure call is attributed to the replica that made it.
 *   1. the scheduled health refresh runs once per interval cluster-wide (never on both);
 *   2. both replicas serve the card's data (GET /connectors) and the card itself from the shared
 *      database;
 *   3. killing the replica that is mid-refresh (SIGKILL, while the emulator holds its health
 *      report call) loses nothing: the other replica completes the next run;
 *   4. a scaffolder task started through one replica is visible through the other;
 *   5. (a second pair, whose scheduled refresh runs once an hour) a Docker Hub organization
 *      onboarded through replica A is `pending` on replica B's entity card before the next run: A
 *      reads the connector on its own announcement and writes the shared database, B answers from
 *      it once its memory of the card (`cacheSeconds`, 5) lapses. No replica logs `events backend
 *      not found` (packages/backend installs @backstage/plugin-events-backend). The events bus
 *      does not bring A's announcement to B: B's subscribers share their ids with A's, which A
 *      notified in-process, so the bus stores nothing for them.
 * Prints what happened. Run: node --require @backstage/cli/config/nodeTransform.cjs stress/multiReplica.test.ts
 * (scripts/test.sh does, after sourcing scripts/postgres.sh).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@defender-backstage/azure-dockerhub-emulator';

const repoRoot = join(__dirname, '..');
const INTERVAL_S = 15;
const PROD = 'aaaaaaaa-0000-0000-0000-000000000001';
const HEALTH_LIST = new RegExp(
  `^/subscriptions/${PROD}/providers/Microsoft\\.Security/healthReports$`,
  'i',
);

const postgresId = process.env.DEFENDER_TEST_POSTGRES_ID;
const postgresUrl =
  postgresId &&
  process.env[
    `BACKSTAGE_TEST_DATABASE_${postgresId.replace('_', '')}_CONNECTION_STRING`
  ];

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const say = (line: string) => process.stdout.write(`# ${line}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * A TCP pass-through to the emulator that remembers, per connection, whether the replica sent
 * bytes the emulator has not answered yet (a request in flight) and since when.
 */
async function startProxy(target: number) {
  const pending = new Map<net.Socket, number | undefined>();
  const server = net.createServer(client => {
    const upstream = net.connect(target, '127.0.0.1');
    pending.set(client, undefined);
    client.on('data', chunk => {
      if (pending.get(client) === undefined) pending.set(client, Date.now());
      upstream.write(chunk);
    });
    upstream.on('data', chunk => {
      pending.set(client, undefined);
      client.write(chunk);
    });
    const close = () => {
      pending.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close);
    upstream.on('close', close);
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as net.AddressInfo).port,
    /** A request waiting longer than `ms` for its first answer byte. */
    waitingLongerThan: (ms: number) =>
      [...pending.values()].some(t => t !== undefined && Date.now() - t > ms),
    close: () =>
      new Promise<void>(r => {
        pending.forEach((_, s) => s.destroy());
        server.close(() => r());
      }),
  };
}

interface Replica {
  name: string;
  port: number;
  proxy: Awaited<ReturnType<typeof startProxy>>;
  child: ChildProcess;
  output: string[];
  refreshes: () => number;
}

async function startReplica(
  name: string,
  options: {
    emulatorPort: number;
    caFile: string;
    prefix: string;
    work: string;
    /** The health refresh's schedule; default: every INTERVAL_S seconds. */
    schedule?: { frequency: string; timeout: string; initialDelay: string };
    /** false: this replica's scaffolder runs no tasks (concurrentTasksLimit 0), the others do. */
    runsTasks?: boolean;
  },
): Promise<Replica> {
  const port = await freePort();
  const proxy = await startProxy(options.emulatorPort);
  const emu = `https://127.0.0.1:${proxy.port}`;
  const config = join(options.work, `${name}.yaml`);
  // JSON is YAML: the replica's differences from app-config.yaml + app-config.emulator.yaml.
  writeFileSync(
    config,
    JSON.stringify({
      app: { baseUrl: `http://localhost:${port}` },
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        cors: { origin: `http://localhost:${port}` },
        database: {
          client: 'pg',
          connection: postgresUrl,
          prefix: options.prefix,
        },
      },
      defenderForContainers: {
        // Entra directly: its metadata names the emulator's own origin, which MSAL checks.
        azure: {
          armEndpoint: emu,
          authorityHost: `https://127.0.0.1:${options.emulatorPort}`,
        },
        dockerHub: { apiUrl: emu, registryAuthUrl: `${emu}/token` },
        caFile: options.caFile,
        catalog: { refreshMinutes: 30 },
        health: {
          // ISO strings, so they replace app-config.emulator.yaml's objects instead of merging into them.
          schedule: options.schedule ?? {
            frequency: `PT${INTERVAL_S}S`,
            timeout: 'PT12S',
            initialDelay: 'PT3S',
          },
        },
      },
      ...(options.runsTasks === false
        ? { scaffolder: { concurrentTasksLimit: 0 } }
        : {}),
    }),
  );
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.emulator.yaml',
      '--config',
      config,
    ],
    {
      cwd: join(repoRoot, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const collect = (chunk: Buffer) => output.push(chunk.toString('utf8'));
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  return {
    name,
    port,
    proxy,
    child,
    output,
    refreshes: () =>
      (
        output
          .join('')
          .match(/Defender health refresh: \d+\/\d+ subscriptions read/g) ?? []
      ).length,
  };
}

async function waitReady(r: Replica, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (r.child.exitCode !== null)
      throw new Error(`${r.name} exited: ${r.output.join('').slice(-3000)}`);
    try {
      const res = await fetch(
        `http://localhost:${r.port}/api/defender-for-containers/health`,
      );
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`${r.name} not ready: ${r.output.join('').slice(-3000)}`);
}

async function api(
  r: Replica,
  path: string,
  token: string,
  init: { method?: string; body?: unknown } = {},
) {
  const res = await fetch(`http://localhost:${r.port}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const skip = !postgresUrl
  ? 'needs PostgreSQL: source scripts/postgres.sh first (scripts/test.sh does)'
  : undefined;
if (skip && process.env.CI) {
  throw new Error(`multi-replica test: ${skip}`);
}

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let replicas: Replica[] = [];
let work: string;

before(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'defender-replicas-'));
  const caFile = join(work, 'ca.pem');
  emulator = await startEmulator({ port: 0, caFile, seed: 9 });
  const prefix = `replicas${Date.now().toString(36)}_`;
  const options = { emulatorPort: emulator.port, caFile, prefix, work };
  // One after the other: the first creates the shared databases and runs their migrations.
  const a = await startReplica('replica A', options);
  await waitReady(a, 150_000);
  const b = await startReplica('replica B', options);
  await waitReady(b, 150_000);
  replicas = [a, b];
  say(
    `replicas ready on :${a.port} and :${b.port}, one PostgreSQL (${prefix}*)`,
  );
});

after(async () => {
  for (const r of replicas) {
    if (process.env.REPLICAS_LOG_DIR)
      writeFileSync(
        join(process.env.REPLICAS_LOG_DIR, `${r.name.replace(' ', '-')}.log`),
        r.output.join(''),
      );
    if (r.child.exitCode === null) r.child.kill('SIGKILL');
    await r.proxy.close();
  }
  await emulator?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

test(
  'two replicas on one PostgreSQL: one refresh per interval, both serve, a kill mid-refresh loses nothing, tasks are shared',
  { skip },
  async () => {
    const [a, b] = replicas;
    // The emulator's log times run on its own clock (the demo scenario sets a start time):
    // compare them with each other only.
    const healthLists = (from: number) =>
      emulator
        .state()
        .requestLog.slice(from)
        .filter(
          e => e.method === 'GET' && HEALTH_LIST.test(e.path.split('?')[0]),
        );

    // 1. Once per interval, cluster-wide.
    const windowStart = Date.now();
    const logStart = emulator.state().requestLog.length;
    await sleep(INTERVAL_S * 2 * 1000 + 4000);
    const runs = healthLists(logStart).map(e => Date.parse(e.at));
    if (process.env.REPLICAS_DEBUG)
      say(
        JSON.stringify(
          emulator
            .state()
            .requestLog.slice(logStart)
            .map(e => `${e.method} ${e.path}`)
            .slice(0, 40),
        ),
      );
    const gaps = runs.slice(1).map((t, i) => (t - runs[i]) / 1000);
    const intervals = (Date.now() - windowStart) / 1000 / INTERVAL_S;
    say(
      `refresh runs in ${intervals.toFixed(1)} intervals of ${INTERVAL_S}s: ${
        runs.length
      } (gaps ${gaps
        .map(g => `${g.toFixed(1)}s`)
        .join(', ')}); by replica: A ${a.refreshes()}, B ${b.refreshes()}`,
    );
    assert.ok(runs.length >= 2, 'the refresh ran');
    assert.ok(
      runs.length <= Math.ceil(intervals) + 1,
      'at most one run per interval',
    );
    assert.ok(
      gaps.every(g => g >= INTERVAL_S * 0.5),
      'no two runs in the same interval (both replicas running it)',
    );

    // 2. Both replicas serve the card's data from the shared database, with one sign-in.
    const signIn = await fetch(
      `http://localhost:${a.port}/api/auth/guest/refresh`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    const token = (await signIn.json()).backstageIdentity.token as string;
    const fromA = await api(
      a,
      '/api/defender-for-containers/connectors',
      token,
    );
    const fromB = await api(
      b,
      '/api/defender-for-containers/connectors',
      token,
    );
    assert.equal(fromA.status, 200);
    assert.equal(fromB.status, 200);
    const orgs = (x: any) =>
      x.body.items.map((c: any) => c.organization).sort();
    assert.deepEqual(orgs(fromA), ['initech', 'umbrella']);
    assert.deepEqual(orgs(fromB), orgs(fromA));
    say(
      `both replicas serve the connectors: ${orgs(fromA).join(
        ', ',
      )} (same answer)`,
    );
    // …and the entity card itself (each from its own memory of a few seconds, after the catalog
    // has read the example entities).
    const card =
      '/api/defender-for-containers/entities/component/default/legacy-billing/defender';
    const cards: Array<Awaited<ReturnType<typeof api>>> = [];
    for (const r of [a, b]) {
      let answer = await api(r, card, token);
      const cardDeadline = Date.now() + 60_000;
      while (answer.status === 404 && Date.now() < cardDeadline) {
        await sleep(1_000);
        answer = await api(r, card, token);
      }
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      cards.push(answer);
    }
    const cardOf = (x: any) =>
      x.body.connectors.map((c: any) => `${c.organization}: ${c.status}`);
    assert.deepEqual(cardOf(cards[0]), ['initech: unhealthy']);
    assert.deepEqual(cardOf(cards[1]), cardOf(cards[0]));
    say(
      `both replicas serve the card of component:default/legacy-billing: ${cardOf(
        cards[0],
      ).join(', ')} (same answer)`,
    );

    // 3. A scaffolder task started through A is visible through B, to its end.
    const created = await api(a, '/api/scaffolder/v2/tasks', token, {
      method: 'POST',
      body: {
        templateRef: 'template:default/defender-offboard-dockerhub',
        values: {
          organization: 'acme',
          confirmation: 'acme',
          azure: {
            subscriptionId: PROD,
            resourceGroup: 'rg-defender-connectors',
          },
        },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    let seen: any;
    const taskDeadline = Date.now() + 60_000;
    do {
      seen = await api(b, `/api/scaffolder/v2/tasks/${created.body.id}`, token);
      if (['completed', 'failed'].includes(seen.body?.status)) break;
      await sleep(500);
    } while (Date.now() < taskDeadline);
    assert.equal(seen.status, 200);
    assert.equal(seen.body.id, created.body.id);
    const events = await api(
      b,
      `/api/scaffolder/v2/tasks/${created.body.id}/events`,
      token,
    );
    say(
      `task ${created.body.id} started on ${a.name}, read on ${b.name}: ${seen.body.status}, ${events.body.length} events`,
    );
    assert.ok(
      ['completed', 'failed'].includes(seen.body.status),
      'the task ended',
    );
    assert.ok(events.body.length > 0);

    // 4. Kill the replica that is mid-refresh.
    emulator.injectFault({
      route: 'HealthReports_List',
      kind: 'latency',
      latencyMs: 20_000,
    });
    let victim: Replica | undefined;
    const deadline = Date.now() + (INTERVAL_S + 15) * 1000;
    while (!victim && Date.now() < deadline) {
      victim = replicas.find(r => r.proxy.waitingLongerThan(1500));
      if (!victim) await sleep(200);
    }
    assert.ok(
      victim,
      'a refresh started while the emulator held health reports',
    );
    const survivor = victim === a ? b : a;
    const killedAt = Date.now();
    victim.child.kill('SIGKILL');
    emulator.clearFaults();
    say(
      `killed ${victim.name} (SIGKILL) while its refresh waited for Azure's health reports`,
    );
    const before = survivor.refreshes();
    const lastRefresh = async () => {
      const r = await api(
        survivor,
        '/api/defender-for-containers/connectors',
        token,
      );
      return r.body.items.map((c: any) => c.refreshedAt as string).sort()[0];
    };
    const refreshedBefore = await lastRefresh();
    // The killed run's claim expires after the task timeout (12 s); Backstage's scheduler janitor
    // releases expired claims once a minute, then the survivor claims the next run.
    const takeoverDeadline = Date.now() + 110_000;
    while (survivor.refreshes() === before && Date.now() < takeoverDeadline)
      await sleep(500);
    assert.ok(
      survivor.refreshes() > before,
      `${survivor.name} completed the next run`,
    );
    const refreshedAfter = await lastRefresh();
    assert.ok(
      refreshedAfter > refreshedBefore,
      'the stored data was refreshed after the kill',
    );
    const connectors = await api(
      survivor,
      '/api/defender-for-containers/connectors',
      token,
    );
    assert.deepEqual(orgs(connectors), ['initech', 'umbrella']);
    say(
      `${survivor.name} completed the next run ${(
        (Date.now() - killedAt) /
        1000
      ).toFixed(1)}s after the kill; nothing lost (connectors: ${orgs(
        connectors,
      ).join(', ')}; refreshedAt ${refreshedBefore} → ${refreshedAfter})`,
    );
  },
);

test(
  'a second pair, refreshing once an hour: a connector onboarded through replica A is pending on replica B before the next run; every replica has the events backend',
  { skip },
  async () => {
    // The first pair is done (its survivor would only compete for the two cores).
    for (const r of replicas) if (r.child.exitCode === null) r.child.kill();
    const options = {
      emulatorPort: emulator.port,
      caFile: join(work, 'ca.pem'),
      prefix: `onboard${Date.now().toString(36)}_`,
      work,
      // One run shortly after the start (so the card knows Azure was read), the next in an hour:
      // whatever shows the new connector before that is not the schedule.
      schedule: { frequency: 'PT1H', timeout: 'PT50S', initialDelay: 'PT2S' },
    };
    const a = await startReplica('replica A2', options);
    replicas.push(a);
    await waitReady(a, 150_000);
    // B runs no scaffolder task: the onboarding runs on A.
    const b = await startReplica('replica B2', {
      ...options,
      runsTasks: false,
    });
    replicas.push(b);
    await waitReady(b, 150_000);

    const signIn = await fetch(
      `http://localhost:${a.port}/api/auth/guest/refresh`,
      { headers: { 'x-requested-with': 'XMLHttpRequest' } },
    );
    const token = (await signIn.json()).backstageIdentity.token as string;
    // system:default/payments names the Docker Hub organization acme, which has no connector yet.
    const card =
      '/api/defender-for-containers/entities/system/default/payments/defender';
    const acmeOn = async (r: Replica) => {
      const answer = await api(r, card, token);
      if (answer.status !== 200) return `HTTP ${answer.status}`;
      const acme = answer.body.connectors.find(
        (c: any) => c.organization === 'acme',
      );
      return acme?.status as string | undefined;
    };
    // Wait for the catalog (the example entities, the templates) and the first scheduled run.
    const readyDeadline = Date.now() + 120_000;
    while (
      (a.refreshes() + b.refreshes() === 0 ||
        (await acmeOn(b)) !== 'missing' ||
        (
          await api(
            a,
            '/api/catalog/entities/by-name/template/default/defender-onboard-dockerhub',
            token,
          )
        ).status !== 200) &&
      Date.now() < readyDeadline
    )
      await sleep(1_000);
    assert.equal(
      a.refreshes() + b.refreshes(),
      1,
      'the first scheduled run, and only it, has completed',
    );
    assert.equal(await acmeOn(b), 'missing');

    const ACME_TOKEN = 'dckr_pat_EMULATOR0acmeReadOnlyFAKE01';
    const logStart = emulator.state().requestLog.length;
    const started = Date.now();
    const created = await api(a, '/api/scaffolder/v2/tasks', token, {
      method: 'POST',
      body: {
        templateRef: 'template:default/defender-onboard-dockerhub',
        values: {
          organization: 'acme',
          username: 'mdc-acme',
          // What the form's Secret field leaves in the values; the token goes in `secrets`.
          accessToken: '*'.repeat(ACME_TOKEN.length),
          azure: {
            subscriptionId: PROD,
            resourceGroup: 'rg-defender-connectors',
            location: 'westeurope',
          },
          defenderForContainers: true,
          defenderCspm: false,
          scanIntervalHours: 24,
          owner: 'group:default/guests',
        },
        secrets: { accessToken: ACME_TOKEN },
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    let task: any;
    const taskDeadline = Date.now() + 60_000;
    do {
      task = await api(a, `/api/scaffolder/v2/tasks/${created.body.id}`, token);
      if (['completed', 'failed'].includes(task.body?.status)) break;
      await sleep(250);
    } while (Date.now() < taskDeadline);
    if (task.body?.status !== 'completed') {
      const events = await api(
        a,
        `/api/scaffolder/v2/tasks/${created.body.id}/events`,
        token,
      );
      assert.fail(
        `onboarding task ${task.body?.status}: ${JSON.stringify(
          events.body,
        ).slice(-3000)}`,
      );
    }
    const onboardedIn = (Date.now() - started) / 1000;

    // A read the new connector when the task announced it and wrote it to the shared database;
    // B shows it once its memory of the card (cacheSeconds: 5) has lapsed.
    let status = await acmeOn(b);
    const cardDeadline = Date.now() + 20_000;
    while (status !== 'pending' && Date.now() < cardDeadline) {
      await sleep(250);
      status = await acmeOn(b);
    }
    const seenIn = (Date.now() - started) / 1000;
    say(
      `acme onboarded through ${a.name} in ${onboardedIn.toFixed(1)}s; ${
        b.name
      }'s card says ${status} ${seenIn.toFixed(1)}s after the task started`,
    );
    assert.equal(status, 'pending', `acme on ${b.name}'s card`);
    const scheduledLists = emulator
      .state()
      .requestLog.slice(logStart)
      .filter(
        e => e.method === 'GET' && HEALTH_LIST.test(e.path.split('?')[0]),
      );
    assert.equal(
      scheduledLists.length,
      0,
      'no scheduled refresh ran meanwhile (only the announcement explains it)',
    );
    assert.equal(
      a.refreshes() + b.refreshes(),
      1,
      'no scheduled run meanwhile',
    );

    // Every replica of both pairs had the events backend.
    for (const r of replicas) {
      const log = r.output.join('');
      assert.ok(
        !/events backend not found/.test(log),
        `${r.name} logged: ${(
          log.match(/.*events backend not found.*/)?.[0] ?? ''
        ).replace(/\x1b\[[0-9;]*m/g, '')}`,
      );
    }
    say(
      `no replica logged "events backend not found" (${replicas
        .map(r => r.name)
        .join(', ')})`,
    );
  },
);
