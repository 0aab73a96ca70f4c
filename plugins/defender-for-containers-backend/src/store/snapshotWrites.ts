import type { Knex } from 'knex';
import {
  CHUNK,
  CONNECTORS,
  FINDINGS,
  HISTORY,
  REMOVALS,
  SUBSCRIPTIONS,
  dateOf,
  historyRows,
  insertChunked,
  key,
  toRow,
  type ConnectorRow,
  type SubscriptionStateRow,
} from './connectorRows';
import type { ConnectorSnapshot } from './HealthStore';
import { FINDING_CHUNK, findingRows } from './findingRows';

// Refreshes of one subscription overlap (the schedule on one replica, the card's Refresh or an
// onboarding's announcement on another). Every write below runs inside a transaction that holds
// the subscription's lock, and is guarded by when its data was read from Azure, so the stored
// state only moves forward whatever order the writers arrive in.

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    result.push(items.slice(i, i + CHUNK));
  }
  return result;
}

/**
 * Takes the subscription's lock for the rest of the transaction and returns its refresh state
 * (created when missing). PostgreSQL: `SELECT … FOR UPDATE` on the state row, so a second
 * replica's transaction waits until this one commits. SQLite: the INSERT makes this transaction
 * the database's one writer from here on.
 */
export async function lockSubscription(
  tx: Knex.Transaction,
  subscriptionId: string,
  readIso: string,
): Promise<SubscriptionStateRow> {
  await tx(SUBSCRIPTIONS)
    .insert({
      subscription_id: subscriptionId,
      last_attempt_at: readIso,
      last_success_at: null,
      failing_since: null,
      last_error: null,
    })
    .onConflict('subscription_id')
    .ignore();
  const query = tx(SUBSCRIPTIONS).where({ subscription_id: subscriptionId });
  // By dialect, not by the configured client name ('pg', 'postgres', 'postgresql' all work).
  if (tx.client.dialect === 'postgresql') query.forUpdate();
  return query.first();
}

/** When each connector of the subscription was found gone, by connector key. */
export async function removalsOf(
  tx: Knex.Transaction,
  subscriptionId: string,
  keys?: string[],
): Promise<Map<string, string>> {
  const query = tx(REMOVALS).where({ subscription_id: subscriptionId });
  if (keys) query.whereIn('connector_key', keys);
  const rows: Array<{ connector_key: string; removed_at: string }> =
    await query;
  return new Map(rows.map(r => [r.connector_key, r.removed_at]));
}

/**
 * True when what is stored about a connector (a snapshot, or its removal) comes from a read of
 * Azure later than `readIso`: a writer holding older data must leave it alone.
 */
export function storedIsNewer(
  row: Pick<ConnectorRow, 'refreshed_at'> | undefined,
  removedAt: string | undefined,
  readIso: string,
): boolean {
  return (
    (row !== undefined && row.refreshed_at > readIso) ||
    (removedAt !== undefined && removedAt > readIso)
  );
}

/**
 * Upserts the snapshots and rewrites their day of history: multi-row statements, a few per
 * `CHUNK` connectors, instead of several per connector.
 */
export async function writeSnapshots(
  tx: Knex.Transaction,
  snapshots: ConnectorSnapshot[],
  at: Date,
): Promise<void> {
  const date = dateOf(at);
  for (const batch of chunks(snapshots)) {
    const rows = batch.map(s => toRow(s, at));
    const keys = rows.map(r => r.connector_key);
    // refresh_requested_at is the on-demand rate limit: a refresh must not reset it.
    const { connector_key: _key, ...columns } = rows[0];
    await tx(CONNECTORS)
      .insert(rows)
      .onConflict('connector_key')
      .merge(Object.keys(columns));
    // The day's rows are rewritten whole: a repository whose findings were fixed since the
    // previous refresh of the same day must drop out, not keep its old counts.
    await tx(HISTORY)
      .whereIn('connector_key', keys)
      .andWhere({ date })
      .delete();
    await insertChunked(
      tx,
      HISTORY,
      batch.flatMap(s => historyRows(s, at)),
    );
    await tx(REMOVALS).whereIn('connector_key', keys).delete();
    // Replaced whole with the snapshot: a fixed finding must drop out.
    await tx(FINDINGS).whereIn('connector_key', keys).delete();
    await insertChunked(
      tx,
      FINDINGS,
      batch.flatMap(s => findingRows(s)),
      FINDING_CHUNK,
    );
  }
}

/** Deletes connectors found gone by the read at `readIso`, and remembers when. */
export async function removeConnectors(
  tx: Knex.Transaction,
  subscriptionId: string,
  keys: string[],
  readIso: string,
): Promise<void> {
  for (const batch of chunks(keys.map(key))) {
    await tx(CONNECTORS).whereIn('connector_key', batch).delete();
    await tx(HISTORY).whereIn('connector_key', batch).delete();
    await tx(FINDINGS).whereIn('connector_key', batch).delete();
    await tx(REMOVALS)
      .insert(
        batch.map(connector_key => ({
          connector_key,
          subscription_id: subscriptionId,
          removed_at: readIso,
        })),
      )
      .onConflict('connector_key')
      .merge(['removed_at', 'subscription_id']);
  }
}

/**
 * Marks the connectors `where` selects stale since `readIso`, keeping the first failure's time,
 * and returns them as they were. Only those older than this attempt: a connector another refresh
 * read after it started is fresher than this failure.
 */
export async function markStale(
  tx: Knex.Transaction,
  where: Partial<ConnectorRow>,
  readIso: string,
  error: string,
): Promise<ConnectorRow[]> {
  const older = () =>
    tx(CONNECTORS).where(where).andWhere('refreshed_at', '<=', readIso);
  const rows: ConnectorRow[] = await older();
  if (rows.length > 0) {
    await older().update({
      failing_since: tx.raw('COALESCE(failing_since, ?)', [readIso]),
      last_error: error,
    });
  }
  return rows;
}

/**
 * The subscription's refresh state after an attempt that read Azure at `readIso`: only the
 * latest attempt decides it, an older one that finishes later does not.
 */
export async function recordAttempt(
  tx: Knex.Transaction,
  state: SubscriptionStateRow,
  readIso: string,
  outcome: { error?: string },
): Promise<void> {
  if (state.last_attempt_at > readIso) return;
  await tx(SUBSCRIPTIONS)
    .where({ subscription_id: state.subscription_id })
    .update(
      outcome.error === undefined
        ? {
            last_attempt_at: readIso,
            last_success_at: readIso,
            failing_since: null,
            last_error: null,
          }
        : {
            last_attempt_at: readIso,
            failing_since: state.failing_since ?? readIso,
            last_error: outcome.error,
          },
    );
}
