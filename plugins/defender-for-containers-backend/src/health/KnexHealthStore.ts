import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type {
  ReportedConnectorStatus,
  SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Knex } from 'knex';
import type {
  ConnectorListFilter,
  ConnectorListOrder,
  ConnectorSnapshot,
  HealthStore,
  RefreshClaim,
  StoredConnector,
  StoredTrendRow,
  SubscriptionRefreshState,
} from './HealthStore';
import { sumCounts, zeroCounts } from './severityCounts';

const CONNECTORS = 'defender_connectors';
const SUBSCRIPTIONS = 'defender_subscription_refreshes';
const HISTORY = 'defender_connector_history';
/** Rows per INSERT: well below SQLite's bound-parameter limit. */
const CHUNK = 50;
/** `repository` of the history row that covers the whole connector. */
export const WHOLE_CONNECTOR = '*';

interface ConnectorRow {
  connector_key: string;
  id: string;
  subscription_id: string;
  resource_group: string;
  name: string;
  organization: string;
  owner: string | null;
  location: string | null;
  reported_status: string;
  issue_count: number;
  critical: number;
  high: number;
  medium: number;
  low: number;
  last_scanned_at: string | null;
  refreshed_at: string;
  failing_since: string | null;
  last_error: string | null;
  refresh_requested_at?: string | null;
  details: string;
}

type Details = Pick<
  ConnectorSnapshot,
  | 'scanIntervalHours'
  | 'trialEndsAt'
  | 'offerings'
  | 'healthReason'
  | 'issues'
  | 'plans'
  | 'findings'
>;

const key = (id: string) => id.toLowerCase();
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

function toRow(s: ConnectorSnapshot, at: Date): ConnectorRow {
  const totals = sumCounts(s.findings.images.map(i => i.counts));
  const details: Details = {
    scanIntervalHours: s.scanIntervalHours,
    trialEndsAt: s.trialEndsAt,
    offerings: s.offerings,
    healthReason: s.healthReason,
    issues: s.issues,
    plans: s.plans,
    findings: s.findings,
  };
  return {
    connector_key: key(s.id),
    id: s.id,
    subscription_id: s.subscriptionId.toLowerCase(),
    resource_group: s.resourceGroup,
    name: s.name,
    organization: s.organization.toLowerCase(),
    owner: s.owner ?? null,
    location: s.location ?? null,
    reported_status: s.reportedStatus,
    issue_count: s.issues.length,
    ...totals,
    last_scanned_at: s.lastScannedAt ?? null,
    refreshed_at: at.toISOString(),
    failing_since: null,
    last_error: null,
    details: JSON.stringify(details),
  };
}

function fromRow(row: ConnectorRow): StoredConnector {
  const details = JSON.parse(row.details) as Details;
  return {
    id: row.id,
    name: row.name,
    subscriptionId: row.subscription_id,
    resourceGroup: row.resource_group,
    location: row.location ?? undefined,
    organization: row.organization,
    owner: row.owner ?? undefined,
    reportedStatus: row.reported_status as ReportedConnectorStatus,
    lastScannedAt: row.last_scanned_at ?? undefined,
    ...details,
    totals: {
      critical: Number(row.critical),
      high: Number(row.high),
      medium: Number(row.medium),
      low: Number(row.low),
    },
    refreshedAt: row.refreshed_at,
    failingSince: row.failing_since ?? undefined,
    lastError: row.last_error ?? undefined,
  };
}

/** History rows of one snapshot: the whole connector, and each repository with findings. */
function historyRows(s: ConnectorSnapshot, at: Date) {
  const date = dateOf(at);
  const byRepo = new Map<string, SeverityCounts>();
  for (const image of s.findings.images) {
    byRepo.set(
      image.repository,
      sumCounts([byRepo.get(image.repository) ?? zeroCounts(), image.counts]),
    );
  }
  return [
    {
      connector_key: key(s.id),
      date,
      repository: WHOLE_CONNECTOR,
      status: s.reportedStatus,
      ...sumCounts(s.findings.images.map(i => i.counts)),
    },
    ...[...byRepo].map(([repository, counts]) => ({
      connector_key: key(s.id),
      date,
      repository,
      status: null,
      ...counts,
    })),
  ];
}

async function insertChunked(tx: Knex, table: string, rows: object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx(table).insert(rows.slice(i, i + CHUNK));
  }
}

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
    at: Date,
  ): Promise<{ previous: StoredConnector[] }> {
    const sub = subscriptionId.toLowerCase();
    return this.knex.transaction(async tx => {
      const previousRows: ConnectorRow[] = await tx(CONNECTORS).where({
        subscription_id: sub,
      });
      const keys = snapshots.map(s => key(s.id));
      const gone = previousRows
        .map(r => r.connector_key)
        .filter(k => !keys.includes(k));
      if (gone.length) {
        await tx(CONNECTORS).whereIn('connector_key', gone).delete();
        await tx(HISTORY).whereIn('connector_key', gone).delete();
      }
      for (const s of snapshots) await this.writeSnapshot(tx, s, at);
      await this.writeSubscriptionState(tx, sub, {
        last_attempt_at: at.toISOString(),
        last_success_at: at.toISOString(),
        failing_since: null,
        last_error: null,
      });
      return { previous: previousRows.map(fromRow) };
    });
  }

  async upsertConnector(
    snapshot: ConnectorSnapshot,
    at: Date,
  ): Promise<{ previous?: StoredConnector }> {
    return this.knex.transaction(async tx => {
      const previous: ConnectorRow | undefined = await tx(CONNECTORS)
        .where({ connector_key: key(snapshot.id) })
        .first();
      await this.writeSnapshot(tx, snapshot, at);
      return { previous: previous && fromRow(previous) };
    });
  }

  async removeConnector(id: string): Promise<{ previous?: StoredConnector }> {
    return this.knex.transaction(async tx => {
      const previous: ConnectorRow | undefined = await tx(CONNECTORS)
        .where({ connector_key: key(id) })
        .first();
      await tx(CONNECTORS)
        .where({ connector_key: key(id) })
        .delete();
      await tx(HISTORY)
        .where({ connector_key: key(id) })
        .delete();
      return { previous: previous && fromRow(previous) };
    });
  }

  async markSubscriptionFailed(
    subscriptionId: string,
    at: Date,
    error: string,
  ): Promise<{ previous: StoredConnector[] }> {
    const sub = subscriptionId.toLowerCase();
    const iso = at.toISOString();
    return this.knex.transaction(async tx => {
      const previousRows: ConnectorRow[] = await tx(CONNECTORS).where({
        subscription_id: sub,
      });
      await tx(CONNECTORS)
        .where({ subscription_id: sub })
        .update({
          failing_since: tx.raw('COALESCE(failing_since, ?)', [iso]),
          last_error: error,
        });
      const state = await tx(SUBSCRIPTIONS)
        .where({ subscription_id: sub })
        .first();
      await this.writeSubscriptionState(tx, sub, {
        last_attempt_at: iso,
        last_success_at: state?.last_success_at ?? null,
        failing_since: state?.failing_since ?? iso,
        last_error: error,
      });
      return { previous: previousRows.map(fromRow) };
    });
  }

  async markConnectorFailed(
    id: string,
    at: Date,
    error: string,
  ): Promise<{ previous?: StoredConnector }> {
    return this.knex.transaction(async tx => {
      const previous: ConnectorRow | undefined = await tx(CONNECTORS)
        .where({ connector_key: key(id) })
        .first();
      await tx(CONNECTORS)
        .where({ connector_key: key(id) })
        .update({
          failing_since: tx.raw('COALESCE(failing_since, ?)', [
            at.toISOString(),
          ]),
          last_error: error,
        });
      return { previous: previous && fromRow(previous) };
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
  ): Promise<{ items: StoredConnector[]; totalCount: number }> {
    const query = this.knex(CONNECTORS).where(q => {
      q.whereIn(
        'subscription_id',
        filter.subscriptionIds.map(id => id.toLowerCase()),
      );
      if (filter.status === 'stale') q.whereNotNull('failing_since');
      else if (filter.status) {
        q.where({ reported_status: filter.status }).whereNull('failing_since');
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
    const rows: ConnectorRow[] = await this.ordered(query, order)
      .limit(page.limit)
      .offset(page.offset);
    return { items: rows.map(fromRow), totalCount: Number(count) };
  }

  async listOwners(subscriptionIds: string[]): Promise<string[]> {
    const rows: Array<{ owner: string }> = await this.knex(CONNECTORS)
      .distinct('owner')
      .whereIn(
        'subscription_id',
        subscriptionIds.map(id => id.toLowerCase()),
      )
      .whereNotNull('owner')
      .orderBy('owner');
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
    return this.knex(HISTORY).where('date', '<', beforeDate).delete();
  }

  /**
   * Sorts in the database, so paging stays right; every order ends in organization and id, so
   * a page boundary never splits ties differently between two requests.
   */
  private ordered(
    query: Knex.QueryBuilder,
    { sort, order }: ConnectorListOrder,
  ) {
    // Never interpolate what the caller passed: only these two words reach the SQL.
    const dir = order === 'desc' ? 'desc' : 'asc';
    switch (sort) {
      case 'status':
        // Worst first when ascending: unhealthy, stale, pending, healthy.
        query.orderByRaw(
          `CASE WHEN failing_since IS NOT NULL THEN 1 WHEN reported_status = 'unhealthy' THEN 0 WHEN reported_status = 'pending' THEN 2 ELSE 3 END ${dir}`,
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

  private async writeSnapshot(tx: Knex, s: ConnectorSnapshot, at: Date) {
    const row = toRow(s, at);
    // refresh_requested_at is the on-demand rate limit: a refresh must not reset it.
    const { connector_key: _key, ...columns } = row;
    await tx(CONNECTORS)
      .insert(row)
      .onConflict('connector_key')
      .merge(Object.keys(columns));
    // The day's rows are rewritten whole: a repository whose findings were fixed since the
    // previous refresh of the same day must drop out, not keep its old counts.
    await tx(HISTORY)
      .where({ connector_key: row.connector_key, date: dateOf(at) })
      .delete();
    await insertChunked(tx, HISTORY, historyRows(s, at));
  }

  private async writeSubscriptionState(
    tx: Knex,
    subscriptionId: string,
    state: {
      last_attempt_at: string;
      last_success_at: string | null;
      failing_since: string | null;
      last_error: string | null;
    },
  ) {
    await tx(SUBSCRIPTIONS)
      .insert({ subscription_id: subscriptionId, ...state })
      .onConflict('subscription_id')
      .merge();
  }
}
