import type { Knex } from 'knex';

/**
 * `column IN (values)` with one bound parameter whatever the list's length: a per-team read scope
 * can list thousands of organizations, more than SQLite (32,766) or PostgreSQL (65,535) accept as
 * separate parameters. PostgreSQL takes an array (`= ANY`), SQLite a JSON array (`json_each`);
 * other databases get a plain `IN`.
 */
export function whereInList(
  query: Knex.QueryBuilder,
  column: string,
  values: string[],
): Knex.QueryBuilder {
  switch (query.client.dialect) {
    case 'postgresql':
      return query.whereRaw('?? = ANY(?::text[])', [column, values]);
    case 'sqlite3':
    case 'better-sqlite3':
      return query.whereRaw('?? IN (SELECT value FROM json_each(?))', [
        column,
        JSON.stringify(values),
      ]);
    default:
      return query.whereIn(column, values);
  }
}
