import {
  FINDING_SEVERITIES,
  type FindingSort,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { Knex } from 'knex';
import { FINDINGS, key } from './connectorRows';
import { findingFromRow, type FindingRow } from './findingRows';
import type {
  FindingsFilter,
  FindingsPosition,
  FindingsScope,
  HealthStore,
} from './HealthStore';

const SORT_COLUMNS: Record<FindingSort, keyof FindingRow> = {
  severity: 'severity_rank',
  firstSeen: 'first_seen_at',
  image: 'image',
  package: 'package',
};

/** Rows of the scope's connectors, each narrowed to its repositories when it has any. */
function scoped(knex: Knex, scope: FindingsScope): Knex.QueryBuilder {
  return knex(FINDINGS).where(b => {
    for (const c of scope.connectors) {
      b.orWhere(w => {
        w.where('connector_key', key(c.id));
        if (c.repositories) w.whereIn('repository', c.repositories);
      });
    }
  });
}

/** `LIKE` with the user's `%`, `_` and `\` taken literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

function filtered(
  knex: Knex,
  scope: FindingsScope,
  filter: FindingsFilter,
): Knex.QueryBuilder {
  const q = scoped(knex, scope);
  if (filter.severities?.length) {
    q.whereIn(
      'severity_rank',
      filter.severities.map(s => FINDING_SEVERITIES.indexOf(s)),
    );
  }
  if (filter.fixable !== undefined) q.where('fixable', filter.fixable);
  if (filter.repository) q.where('repository', filter.repository);
  if (filter.text) {
    q.whereRaw(`search_text LIKE ? ESCAPE '\\'`, [likePattern(filter.text)]);
  }
  return q;
}

/** Rows after `after` in the order `column, connector_key, finding_key` (all `asc` or `desc`). */
function whereAfter(
  q: Knex.QueryBuilder,
  column: string,
  after: FindingsPosition,
  order: 'asc' | 'desc',
) {
  const op = order === 'asc' ? '>' : '<';
  q.where(b =>
    b
      .where(column, op, after.value)
      .orWhere(w =>
        w
          .where(column, after.value)
          .where('connector_key', op, after.connectorKey),
      )
      .orWhere(w =>
        w
          .where(column, after.value)
          .where('connector_key', after.connectorKey)
          .where('finding_key', op, after.findingKey),
      ),
  );
}

export const listFindings =
  (knex: Knex): HealthStore['listFindings'] =>
  async (scope, filter, page) => {
    if (scope.connectors.length === 0) return { items: [], totalCount: 0 };
    const ids = new Map(scope.connectors.map(c => [key(c.id), c.id]));
    const column = SORT_COLUMNS[page.sort];
    const rowsQuery = filtered(knex, scope, filter)
      .orderBy([
        { column, order: page.order },
        { column: 'connector_key', order: page.order },
        { column: 'finding_key', order: page.order },
      ])
      .limit(page.limit);
    if (page.after) whereAfter(rowsQuery, column, page.after, page.order);
    const [rows, [{ n }]] = await Promise.all([
      rowsQuery as Promise<FindingRow[]>,
      filtered(knex, scope, filter).count({ n: '*' }),
    ]);
    return {
      totalCount: Number(n),
      items: rows.map(row => ({
        ...findingFromRow(row, ids.get(row.connector_key) ?? row.connector_key),
        position: {
          value: row[column] as string | number,
          connectorKey: row.connector_key,
          findingKey: row.finding_key,
        },
      })),
    };
  };
