import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import { parseSecurityConnectorId } from '@defender-backstage/plugin-defender-for-containers-node';
import { whereInList } from './whereInList';
import type { Knex } from 'knex';
import {
  CONNECTORS,
  HISTORY,
  REMOVALS,
  SUBSCRIPTIONS,
  SUMMARY_COLUMNS,
  fromRow,
  key,
  summaryFromRow,
  type ConnectorRow,
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
import {
  lockSubscription,
  recordAttempt,
  removalsOf,
  removeConnectors,
  storedIsNewer,
  writeSnapshots,
} from './snapshotWrites';

export { WHOLE_CONNECTOR } from './connectorRows';

/** LIKE pattern for a user-typed substring: `%`, `_` and the escape itself are literal. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, c => `!${c}`)}%`;
}

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

  constructor(private readonly knex: Knex) {}

  async replaceSubscription(
    subscriptionId: string,
    snapshots: ConnectorSnapshot[],
    readAt: Date,
  ): Promise<{ previous: StoredConnector[]; applied: ConnectorSnapshot[] }> {
    const sub = subscriptionId.toLowerCase();
    const readIso = readAt.toISOString();
    return this.knex.transaction(async tx => {
      const state = await lockSubscription(tx, sub, readIso);
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
    const readIso = readAt.toISOString();
    return this.knex.transaction(async tx => {
      await lockSubscription(tx, sub, readIso);
      const row: ConnectorRow | undefined = await tx(CONNECTORS)
        .where({ connector_key: key(snapshot.id) })
        .first();
      const removedAt = (await removalsOf(tx, sub, [key(snapshot.id)])).get(
        key(snapshot.id),
      );
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
    const readIso = readAt.toISOString();
    return this.knex.transaction(async tx => {
      await lockSubscription(tx, sub, readIso);
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
    const readIso = readAt.toISOString();
    return this.knex.transaction(async tx => {
      const state = await lockSubscription(tx, sub, readIso);
      // Only what is older than this attempt turns stale: a connector another refresh read
      // after it started is fresher than this failure.
      const older = () =>
        tx(CONNECTORS)
          .where({ subscription_id: sub })
          .andWhere('refreshed_at', '<=', readIso);
      const rows: ConnectorRow[] = await older();
      await older().update({
        failing_since: tx.raw('COALESCE(failing_since, ?)', [readIso]),
        last_error: error,
      });
      await recordAttempt(tx, state, readIso, { error });
      return { previous: rows.map(fromRow) };
    });
  }

  async markConnectorFailed(
    id: string,
    readAt: Date,
    error: string,
  ): Promise<{ previous?: StoredConnector }> {
    const sub = parseSecurityConnectorId(id).subscriptionId.toLowerCase();
    const readIso = readAt.toISOString();
    return this.knex.transaction(async tx => {
      await lockSubscription(tx, sub, readIso);
      const older = () =>
        tx(CONNECTORS)
          .where({ connector_key: key(id) })
          .andWhere('refreshed_at', '<=', readIso);
      const previous: ConnectorRow | undefined = await older().first();
      if (!previous) return {};
      await older().update({
        failing_since: tx.raw('COALESCE(failing_since, ?)', [readIso]),
        last_error: error,
      });
      return { previous: fromRow(previous) };
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

  async listConnectors(
    filter: ConnectorListFilter,
    page: { limit: number; offset: number },
    order: ConnectorListOrder = { sort: 'organization', order: 'asc' },
  ): Promise<{ items: ConnectorSummary[]; totalCount: number }> {
    const query = this.knex(CONNECTORS).where(q => {
      q.whereIn(
        'subscription_id',
        filter.subscriptionIds.map(id => id.toLowerCase()),
      );
      const staleBefore = filter.staleBefore ?? '';
      if (filter.status === 'stale') {
        q.where(stale =>
          stale
            .whereNotNull('failing_since')
            .orWhere('refreshed_at', '<', staleBefore),
        );
      } else if (filter.status) {
        q.where({ reported_status: filter.status })
          .whereNull('failing_since')
          .andWhere('refreshed_at', '>=', staleBefore);
      }
      if (filter.organization) {
        q.where({ organization: filter.organization.toLowerCase() });
      }
      if (filter.subscriptionId) {
        q.where({ subscription_id: filter.subscriptionId.toLowerCase() });
      }
      if (filter.owner) {
        q.where({ owner: filter.owner.toLowerCase() });
      }
      if (filter.organizations) {
        whereInList(q, 'organization', filter.organizations);
      }
      if (filter.text) {
        const pattern = likePattern(filter.text);
        q.where(inner =>
          inner
            .whereRaw(`LOWER(organization) LIKE ? ESCAPE '!'`, [pattern])
            .orWhereRaw(`LOWER(name) LIKE ? ESCAPE '!'`, [pattern]),
        );
      }
    });
    const [{ count }] = await query.clone().count({ count: '*' });
    const rows: Omit<ConnectorRow, 'details'>[] = await this.ordered(
      query.clone().select(SUMMARY_COLUMNS),
      order,
      filter.staleBefore ?? '',
    )
      .limit(page.limit)
      .offset(page.offset);
    return { items: rows.map(summaryFromRow), totalCount: Number(count) };
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
    return rows.map(r => ({
      connectorId: r.connector_key,
      date: r.date,
      repository: r.repository,
      status: r.status ?? undefined,
      // SQLite answers 0/1; rows written before the column held data when they held counts.
      findingsReported:
        r.findings_reported === null ? true : Boolean(r.findings_reported),
      counts: {
        critical: Number(r.critical),
        high: Number(r.high),
        medium: Number(r.medium),
        low: Number(r.low),
      },
    }));
  }

  async getSubscriptionStates(): Promise<SubscriptionRefreshState[]> {
    const rows = await this.knex(SUBSCRIPTIONS).orderBy('subscription_id');
    return rows.map(r => ({
      subscriptionId: r.subscription_id,
      lastAttemptAt: r.last_attempt_at,
      lastSuccessAt: r.last_success_at ?? undefined,
      failingSince: r.failing_since ?? undefined,
      lastError: r.last_error ?? undefined,
    }));
  }

  async pruneHistory(beforeDate: string): Promise<number> {
    // Removal marks only need to outlive the refreshes that started before them.
    await this.knex(REMOVALS).where('removed_at', '<', beforeDate).delete();
    return this.knex(HISTORY).where('date', '<', beforeDate).delete();
  }

  /**
   * Sorts in the database, so paging stays right; every order ends in organization and id, so
   * a page boundary never splits ties differently between two requests.
   */
  private ordered(
    query: Knex.QueryBuilder,
    { sort, order }: ConnectorListOrder,
    staleBefore: string,
  ) {
    // Never interpolate what the caller passed: only these two words reach the SQL.
    const dir = order === 'desc' ? 'desc' : 'asc';
    switch (sort) {
      case 'status':
        // Worst first when ascending: unhealthy, stale, pending, healthy.
        query.orderByRaw(
          `CASE WHEN failing_since IS NOT NULL OR refreshed_at < ? THEN 1 WHEN reported_status = 'unhealthy' THEN 0 WHEN reported_status = 'pending' THEN 2 ELSE 3 END ${dir}`,
          [staleBefore],
        );
        break;
      case 'findings':
        query.orderBy([
          { column: 'critical', order: dir },
          { column: 'high', order: dir },
          { column: 'medium', order: dir },
          { column: 'low', order: dir },
        ]);
        break;
      case 'owner':
        // Connectors without an owner last, whichever the direction.
        query
          .orderByRaw('CASE WHEN owner IS NULL THEN 1 ELSE 0 END')
          .orderBy('owner', dir);
        break;
      case 'refreshedAt':
        query.orderBy('refreshed_at', dir);
        break;
      default:
        break;
    }
    return query.orderBy([
      { column: 'organization', order: sort === 'organization' ? dir : 'asc' },
      { column: 'connector_key', order: 'asc' },
    ]);
  }
}
