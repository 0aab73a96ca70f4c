import type { Knex } from 'knex';
import {
  CONNECTORS,
  SUMMARY_COLUMNS,
  summaryFromRow,
  type ConnectorRow,
} from './connectorRows';
import type {
  ConnectorListFilter,
  ConnectorListOrder,
  ConnectorSummary,
} from './HealthStore';
import { whereInList } from './whereInList';

/** LIKE pattern for a user-typed substring: `%`, `_` and the escape itself are literal. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, c => `!${c}`)}%`;
}

function filtered(knex: Knex, filter: ConnectorListFilter) {
  return knex(CONNECTORS).where(q => {
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
}

/**
 * Sorts in the database, so paging stays right; every order ends in organization and id, so
 * a page boundary never splits ties differently between two requests.
 */
function ordered(
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
    case 'tokenExpiresOn':
      // Connectors without an expiry day last, whichever the direction.
      query
        .orderByRaw('CASE WHEN token_expires_on IS NULL THEN 1 ELSE 0 END')
        .orderBy('token_expires_on', dir);
      break;
    default:
      break;
  }
  return query.orderBy([
    { column: 'organization', order: sort === 'organization' ? dir : 'asc' },
    { column: 'connector_key', order: 'asc' },
  ]);
}

/** `HealthStore.listConnectors`: a page of the summary columns, counted and sorted in SQL. */
export async function listConnectors(
  knex: Knex,
  filter: ConnectorListFilter,
  page: { limit: number; offset: number },
  order: ConnectorListOrder,
): Promise<{ items: ConnectorSummary[]; totalCount: number }> {
  const query = filtered(knex, filter);
  const [{ count }] = await query.clone().count({ count: '*' });
  const rows: Omit<ConnectorRow, 'details'>[] = await ordered(
    query.clone().select(SUMMARY_COLUMNS),
    order,
    filter.staleBefore ?? '',
  )
    .limit(page.limit)
    .offset(page.offset);
  return { items: rows.map(summaryFromRow), totalCount: Number(count) };
}
