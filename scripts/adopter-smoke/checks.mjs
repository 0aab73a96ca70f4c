// What an adopter would click through, asked over HTTP of the adopter app's backend: the
// scaffolder lists our actions, the connector Resources appear in the catalog, one onboarding
// task succeeds, and the entity card's route answers.
// Usage: node checks.mjs <backend base URL> <backend log file>
import fs from 'node:fs';

const [baseUrl, backendLog] = process.argv.slice(2);

// The demo scenario's read-only token of the dedicated user of `acme` (an emulator-only value).
const ACME = {
  organization: 'acme',
  username: 'mdc-acme',
  token: 'dckr_pat_EMULATOR0acmeReadOnlyFAKE01',
};

let token;
async function api(method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

async function eventually(what, seconds, probe) {
  const deadline = Date.now() + seconds * 1000;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last?.ok) return last.value;
    } catch (e) {
      if (e.fatal) throw e;
      last = { detail: String(e) };
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not within ${seconds}s (last: ${JSON.stringify(
          last?.detail ?? last,
        ).slice(0, 800)})`,
      );
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

async function check(name, fn) {
  const started = Date.now();
  const detail = await fn();
  console.log(
    `  ✓ ${name}${detail ? `: ${detail}` : ''} (${(
      (Date.now() - started) /
      1000
    ).toFixed(1)}s)`,
  );
}

async function main() {
  await check('the backend started (every plugin and module)', () =>
    eventually('backend readiness', 240, async () => {
      // Ready only once every feature started: a failed startup never gets here.
      const log =
        backendLog && fs.existsSync(backendLog)
          ? fs.readFileSync(backendLog, 'utf8')
          : '';
      const failed = log.match(/Backend startup failed[^\n]*\n[^\n]*/);
      if (failed)
        throw Object.assign(
          new Error(failed[0].replace(/\x1b\[[0-9;]*m/g, '').slice(0, 600)),
          { fatal: true },
        );
      const r = await api('GET', '/.backstage/health/v1/readiness');
      return {
        ok: r.status === 200,
        detail: `${r.status} ${r.text.slice(0, 200)}`,
      };
    }),
  );
  await check('our plugin answers', async () => {
    const r = await api('GET', '/api/defender-for-containers/health');
    if (r.status !== 200)
      throw new Error(`${r.status} ${r.text.slice(0, 300)}`);
  });

  await check('guest sign-in', async () => {
    const r = await api('POST', '/api/auth/guest/refresh');
    token = r.json?.backstageIdentity?.token;
    if (!token)
      throw new Error(
        `guest sign-in failed: ${r.status} ${r.text.slice(0, 300)}`,
      );
    return r.json.backstageIdentity.identity?.userEntityRef;
  });

  await check('the scaffolder lists the actions', async () => {
    const r = await api('GET', '/api/scaffolder/v2/actions');
    const ids = (r.json ?? [])
      .map(a => a.id)
      .filter(id => id.startsWith('defender:'));
    for (const id of [
      'defender:dockerhub:validate',
      'defender:dockerhub:onboard',
      'defender:dockerhub:offboard',
    ]) {
      if (!ids.includes(id))
        throw new Error(
          `${id} is not listed (${r.status}: ${
            ids.join(', ') || r.text.slice(0, 300)
          })`,
        );
    }
    return ids.join(', ');
  });

  const resourceNames = async () => {
    const r = await api(
      'GET',
      '/api/catalog/entities/by-query?filter=kind=resource,spec.type=defender-connector&fields=metadata.name',
    );
    return (r.json?.items ?? []).map(e => e.metadata.name).sort();
  };
  await check('the connector Resources appear in the catalog', () =>
    eventually('connector entities', 120, async () => {
      const names = await resourceNames();
      return {
        ok: names.includes('defender-dockerhub-umbrella'),
        value: names.join(', '),
        detail: names,
      };
    }),
  );

  const templateRef = 'template:default/defender-onboard-dockerhub';
  // The owner the templates README sets must be an entity of a new app's catalog: an example
  // owner the app does not have leaves the templates owned by nobody anyone can find.
  await check('the onboarding template is in the catalog, its owner too', () =>
    eventually('template entity and its owner', 120, async () => {
      const r = await api(
        'GET',
        '/api/catalog/entities/by-name/template/default/defender-onboard-dockerhub',
      );
      const owner = r.json?.spec?.owner;
      if (r.status !== 200 || !owner)
        return { ok: false, detail: `template: ${r.status}, owner ${owner}` };
      const [, kind, namespace, name] =
        owner.match(/^([^:]+):([^/]+)\/(.+)$/) ?? [];
      const o = kind
        ? await api(
            'GET',
            `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
          )
        : { status: 'not a full entity ref' };
      return {
        ok: o.status === 200,
        value: `owner ${owner}, an entity of the catalog`,
        detail: `the template's owner ${owner} is not an entity of the app's catalog (${o.status})`,
      };
    }),
  );

  let target;
  await check("the form's subscription list answers", async () => {
    const r = await api(
      'GET',
      '/api/defender-for-containers/azure/subscriptions',
    );
    const first = r.json?.items?.[0];
    if (r.status !== 200 || !first)
      throw new Error(`${r.status} ${r.text.slice(0, 300)}`);
    target = {
      subscriptionId: first.id,
      resourceGroup: first.defaults?.resourceGroup ?? first.resourceGroups?.[0],
      location: first.defaults?.location,
    };
    return `${r.json.items.length} subscriptions, onboarding into ${first.displayName}`;
  });

  await check('one onboarding task succeeds', async () => {
    const created = await api('POST', '/api/scaffolder/v2/tasks', {
      templateRef,
      values: {
        organization: ACME.organization,
        username: ACME.username,
        // What the form's Secret field leaves in the values: stars; the token goes in `secrets`.
        accessToken: '*'.repeat(ACME.token.length),
        azure: target,
        defenderForContainers: true,
        defenderCspm: false,
        scanIntervalHours: 24,
        owner: 'group:default/guests',
      },
      secrets: { accessToken: ACME.token },
    });
    const id = created.json?.id;
    if (!id)
      throw new Error(
        `task not created: ${created.status} ${created.text.slice(0, 500)}`,
      );
    const status = await eventually('onboarding task', 180, async () => {
      const r = await api('GET', `/api/scaffolder/v2/tasks/${id}`);
      const s = r.json?.status;
      if (s === 'failed' || s === 'cancelled') {
        const events = await api(
          'GET',
          `/api/scaffolder/v2/tasks/${id}/events`,
        );
        const log = (events.json ?? [])
          .map(e => e.body?.message)
          .filter(Boolean)
          .join('\n');
        throw Object.assign(new Error(`task ${s}:\n${log.slice(-3000)}`), {
          fatal: true,
        });
      }
      return { ok: s === 'completed', value: s, detail: s };
    });
    const names = await eventually('the new connector entity', 90, async () => {
      const n = await resourceNames();
      return { ok: n.includes('defender-dockerhub-acme'), value: n, detail: n };
    });
    return `task ${status}; ${names.length} connector entities now`;
  });

  await check("the entity card's route answers", () =>
    eventually('entity card route', 150, async () => {
      const r = await api(
        'GET',
        '/api/defender-for-containers/entities/resource/default/defender-dockerhub-umbrella/defender',
      );
      const c = r.json?.connectors?.[0];
      // The first scheduled refresh fills it; until then the connector shows as missing.
      return {
        ok:
          r.status === 200 &&
          Boolean(r.json?.refreshedAt) &&
          c &&
          c.status !== 'missing',
        value: `${r.status}, ${c?.organization}: ${
          c?.status
        }, critical findings ${c?.totals?.critical ?? '-'}`,
        detail: `${r.status} ${r.text.slice(0, 300)}`,
      };
    }),
  );
}

main().catch(e => {
  console.error(`  ✗ ${e.message}`);
  process.exit(1);
});
