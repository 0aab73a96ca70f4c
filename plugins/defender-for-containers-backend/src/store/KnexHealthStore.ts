import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { parseSecurityConnectorId } from '@defender-backstage/plugin-defender-for-containers-node';
import type { Knex } from 'knex';
import {
  CONNECTORS,
  HISTORY,
  REMOVALS,
  SUBSCRIPTIONS,
  fromRow,
  key,
  stateFromRow,
  trendFromRow,
  type ConnectorRow,
  type SubscriptionStateRow,
} from './connectorRows';
import type {
  ConnectorListFilter,
  ConnectorListOrder,
  ConnectorSnapshot,
  ConnectorSummary,
  HealthStore,
  RefreshClaim,
  StoredConnector,
  StoredTrendRow,
  SubscriptionRefreshState,
} from './HealthStore';
import { listConnectors } from './listConnectors';
import { listFindings } from './listFindings';
import {
  lockSubscription,
  markStale,
  recordAttempt,
  removalsOf,
  removeConnectors,
  storedIsNewer,
  writeSnapshots,
} from './snapshotWrites';
import { whereInList } from './whereInList';

/**
 * `HealthStore` on the plugin's database (`coreServices.database`): SQLite locally, PostgreSQL
 * in production. Migrations ship in the package's `migrations/` folder.
 */
export class KnexHealthStore implements HealthStore {
  static async create(database: DatabaseService): Promise<KnexHealthStore> {
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({
        directory: resolvePackagePath(
          '@defender-backstage/plugin-defender-for-containers-backend',
          'migrations',
        ),
      });
    }
    return new KnexHealthStore(knex);
  }

  readonly listFindings: HealthStore['listFindings'];

  constructor(private readonly knex: Knex) {
    this.listFindings = listFindings(knex);
  }

  /** `write` in one transaction holding the subscription's lock (see `snapshotWrites`). */
  private locked<T>(
    subscriptionId: string,
    readAt: Date,
    write: (
      tx: Knex.Transaction,
      readIso: string,
      state: SubscriptionStateRow,
    ) => Promise<T>,
  ): Promise<T> {
    const readIso = readAt.toISOString();
    return this.knex.transaction(async tx =>
      write(
        tx,
        readIso,
        await lockSubscription(tx, subscriptionId.toLowerCase(), readIso),
      ),
    );
  }

  async replaceSubscription(
    subscriptionId: string,
    snapshots: ConnectorSnapshot[],
    readAt: Date,
  ): Promise<{ previous: StoredConnector[]; applied: ConnectorSnapshot[] }> {
    const sub = subscriptionId.toLowerCase();
    return this.locked(sub, readAt, async (tx, readIso, state) => {
      const rows: ConnectorRow[] = await tx(CONNECTORS).where({
        subscription_id: sub,
      });
      const removedAt = await removalsOf(tx, sub);
      const stored = new Map(rows.map(r => [r.connector_key, r]));
      const applied = snapshots.filter(
        s =>
          !storedIsNewer(
            stored.get(key(s.id)),
            removedAt.get(key(s.id)),
            readIso,
          ),
      );
      const listed = new Set(snapshots.map(s => key(s.id)));
      // Gone from our listing, and not written by a refresh that read Azure after us.
      const gone = rows.filter(
        r =>
          !listed.has(r.connector_key) && !storedIsNewer(r, undefined, readIso),
      );
      await removeConnectors(
        tx,
        sub,
        gone.map(r => r.connector_key),
        readIso,
      );
      await writeSnapshots(tx, applied, readAt);
      await recordAttempt(tx, state, readIso, {});
      const touched = new Set([
        ...applied.map(s => key(s.id)),
        ...gone.map(r => r.connector_key),
      ]);
      return {
        previous: rows.filter(r => touched.has(r.connector_key)).map(fromRow),
        applied,
      };
    });
  }

  async upsertConnector(
    snapshot: ConnectorSnapshot,
    readAt: Date,
  ): Promise<{ previous?: StoredConnector; applied: boolean }> {
    const sub = snapshot.subscriptionId.toLowerCase();
    const id = key(snapshot.id);
    return this.locked(sub, readAt, async (tx, readIso) => {
      const row: ConnectorRow | undefined = await tx(CONNECTORS)
        .where({ connector_key: id })
        .first();
      const removedAt = (await removalsOf(tx, sub, [id])).get(id);
      if (storedIsNewer(row, removedAt, readIso)) return { applied: false };
      await writeSnapshots(tx, [snapshot], readAt);
      return { previous: row && fromRow(row), applied: true };
    });
  }

  async removeConnector(
    id: string,
    readAt: Date,
  ): Promise<{ previous?: StoredConnector }> {
    const sub = parseSecurityConnectorId(id).subscriptionId.toLowerCase();
    return this.locked(sub, readAt, async (tx, readIso) => {
      const row: ConnectorRow | undefined = await tx(CONNECTORS)
        .where({ connector_key: key(id) })
        .first();
      if (storedIsNewer(row, undefined, readIso)) return {};
      await removeConnectors(tx, sub, [id], readIso);
      return { previous: row && fromRow(row) };
    });
  }

  async markSubscriptionFailed(
    subscriptionId: string,
    readAt: Date,
    error: string,
  ): Promise<{ previous: StoredConnector[] }> {
    const sub = subscriptionId.toLowerCase();
    return this.locked(sub, readAt, async (tx, readIso, state) => {
      const rows = await markStale(
        tx,
        { subscription_id: sub },
        readIso,
        error,
      );
      await recordAttempt(tx, state, readIso, { error });
      return { previous: rows.map(fromRow) };
    });
  }

  async markConnectorFailed(
    id: string,
    readAt: Date,
    error: string,
  ): Promise<{ previous?: StoredConnector }> {
    const { subscriptionId } = parseSecurityConnectorId(id);
    return this.locked(subscriptionId, readAt, async (tx, readIso) => {
      const [row] = await markStale(
        tx,
        { connector_key: key(id) },
        readIso,
        error,
      );
      return row ? { previous: fromRow(row) } : {};
    });
  }

  async claimRefresh(
    id: string,
    at: Date,
    minIntervalMs: number,
  ): Promise<RefreshClaim> {
    const threshold = new Date(at.getTime() - minIntervalMs).toISOString();
    // One conditional UPDATE: two replicas asking at once cannot both win.
    const updated = await this.knex(CONNECTORS)
      .where({ connector_key: key(id) })
      .andWhere(q =>
        q
          .whereNull('refresh_requested_at')
          .orWhere('refresh_requested_at', '<=', threshold),
      )
      .update({ refresh_requested_at: at.toISOString() });
    if (updated > 0) return { claimed: true };
    const row = await this.knex(CONNECTORS)
      .select('refresh_requested_at')
      .where({ connector_key: key(id) })
      .first();
    if (!row) return { claimed: false, unknown: true };
    const nextAllowed =
      Date.parse(row.refresh_requested_at) + minIntervalMs - at.getTime();
    return {
      claimed: false,
      retryAfterSeconds: Math.max(1, Math.ceil(nextAllowed / 1000)),
    };
  }

  async getConnectors(query: {
    ids?: string[];
    organizations?: string[];
  }): Promise<StoredConnector[]> {
    const ids = (query.ids ?? []).map(key);
    const orgs = (query.organizations ?? []).map(o => o.toLowerCase());
    if (!ids.length && !orgs.length) return [];
    const rows: ConnectorRow[] = await this.knex(CONNECTORS)
      .where(q => {
        if (ids.length) q.orWhereIn('connector_key', ids);
        if (orgs.length) q.orWhereIn('organization', orgs);
      })
      .orderBy(['organization', 'connector_key']);
    return rows.map(fromRow);
  }

  listConnectors(
    filter: ConnectorListFilter,
    page: { limit: number; offset: number },
    order: ConnectorListOrder = { sort: 'organization', order: 'asc' },
  ): Promise<{ items: ConnectorSummary[]; totalCount: number }> {
    return listConnectors(this.knex, filter, page, order);
  }

  async listOwners(
    subscriptionIds: string[],
    organizations?: string[],
  ): Promise<string[]> {
    const query = this.knex(CONNECTORS)
      .distinct('owner')
      .whereIn(
        'subscription_id',
        subscriptionIds.map(id => id.toLowerCase()),
      )
      .whereNotNull('owner')
      .orderBy('owner');
    if (organizations) whereInList(query, 'organization', organizations);
    const rows: Array<{ owner: string }> = await query;
    return rows.map(r => r.owner);
  }

  async getTrend(
    connectorIds: string[],
    sinceDate: string,
  ): Promise<StoredTrendRow[]> {
    if (!connectorIds.length) return [];
    const rows = await this.knex(HISTORY)
      .whereIn('connector_key', connectorIds.map(key))
      .andWhere('date', '>=', sinceDate)
      .orderBy(['date', 'connector_key', 'repository']);
    return rows.map(trendFromRow);
  }

  async getSubscriptionStates(): Promise<SubscriptionRefreshState[]> {
    const rows: SubscriptionStateRow[] = await this.knex(SUBSCRIPTIONS).orderBy(
      'subscription_id',
    );
    return rows.map(stateFromRow);
  }

  async pruneHistory(beforeDate: string): Promise<number> {
    // Removal marks only need to outlive the refreshes that started before them.
    await this.knex(REMOVALS).where('removed_at', '<', beforeDate).delete();
    return this.knex(HISTORY).where('date', '<', beforeDate).delete();
  }
}
