import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { DefenderHealthService } from '@defender-backstage/plugin-defender-for-containers-backend';
import { FOREIGN, FOREIGN_CONNECTOR, FOREIGN_OWNER } from './securityWorld';

const API = '/api/defender-for-containers';

/** Components that name the foreign connector (its organization, its id). */
export const foreignAnnotations = {
  'foreign-org': { 'microsoft.com/defender-dockerhub-organization': 'hooli' },
  'foreign-id': { 'microsoft.com/defender-connector-id': FOREIGN_CONNECTOR },
};

/** Whether a connector (overview or entity view) is the foreign one, or names it. */
const isForeign = (c: any) =>
  c.status !== 'missing' &&
  (c.organization === 'hooli' ||
    JSON.stringify(c).toLowerCase().includes(FOREIGN) ||
    JSON.stringify(c).includes(FOREIGN_OWNER));

/**
 * Every read path of the plugin (REST routes, and the health service the AI action and other
 * plugins call), each as `[path, what of the foreign subscription it shows]`. A user's entity
 * answer repeats its own annotations (`organizations`, `ignored`), so only its connectors count.
 */
export async function sweepForeign(
  call: (
    method: string,
    path: string,
  ) => Promise<{ status: number; body: any; text: string }>,
  health: DefenderHealthService,
  credentials: BackstageCredentials,
): Promise<Array<[string, string[]]>> {
  const found: Array<[string, string[]]> = [];
  const list = async (query: string) => {
    const res = await call('GET', `${API}/connectors${query}`);
    found.push([
      `GET /connectors${query} (${res.status})`,
      (res.body?.items ?? [res.text]).filter(isForeign).map(String),
    ]);
  };
  for (const query of [
    '',
    `?subscriptionId=${FOREIGN}`,
    '?organization=hooli',
    '?text=hooli',
    `?owner=${encodeURIComponent(FOREIGN_OWNER)}`,
    '?status=healthy',
    '?status=unhealthy',
    '?status=pending',
    '?status=stale',
  ]) {
    await list(query);
  }
  const owners = await call('GET', `${API}/connectors/owners`);
  found.push([
    `GET /connectors/owners (${owners.status})`,
    owners.text.includes(FOREIGN_OWNER) ? [owners.text] : [],
  ]);
  const subscriptions = await call('GET', `${API}/azure/subscriptions`);
  found.push([
    `GET /azure/subscriptions (${subscriptions.status})`,
    subscriptions.text.includes(FOREIGN) ? [subscriptions.text] : [],
  ]);
  for (const name of Object.keys(foreignAnnotations)) {
    const res = await call(
      'GET',
      `${API}/entities/component/default/${name}/defender`,
    );
    found.push([
      `GET /entities/component/default/${name}/defender (${res.status})`,
      (res.body?.connectors ?? [res.text])
        .filter(isForeign)
        .map(JSON.stringify),
    ]);
    const direct = await health.getEntityHealth(
      { kind: 'component', namespace: 'default', name },
      { credentials },
    );
    found.push([
      `health.getEntityHealth(${name})`,
      direct.connectors.filter(isForeign).map(c => JSON.stringify(c)),
    ]);
  }
  const refresh = await call(
    'POST',
    `${API}/connectors/${encodeURIComponent(FOREIGN_CONNECTOR)}/refresh`,
  );
  found.push([
    `POST /connectors/<foreign>/refresh (${refresh.status})`,
    refresh.status === 404 ? [] : [refresh.text],
  ]);
  const direct = await health.listConnectors(
    { limit: 200, offset: 0 },
    { credentials },
  );
  found.push([
    'health.listConnectors',
    direct.items.filter(isForeign).map(c => JSON.stringify(c)),
  ]);
  const directOwners = await health.listConnectorOwners({ credentials });
  found.push([
    'health.listConnectorOwners',
    directOwners.items
      .filter(o => JSON.stringify(o).includes(FOREIGN_OWNER))
      .map(String),
  ]);
  return found;
}
