import {
  TestDatabases,
  type TestDatabaseId,
} from '@backstage/backend-test-utils';

/**
 * SQLite always, and PostgreSQL when `scripts/postgres.sh` started one (it exports
 * DEFENDER_TEST_POSTGRES_ID and the connection string TestDatabases reads). In CI a missing
 * PostgreSQL fails the suite instead of silently testing SQLite alone.
 */
export function storageTestDatabaseIds(): TestDatabaseId[] {
  const postgres = process.env.DEFENDER_TEST_POSTGRES_ID as
    | TestDatabaseId
    | undefined;
  if (!postgres && process.env.CI) {
    throw new Error(
      'CI must run the storage tests on PostgreSQL too, but DEFENDER_TEST_POSTGRES_ID is not set: source scripts/postgres.sh before jest',
    );
  }
  return postgres ? ['SQLITE_3', postgres] : ['SQLITE_3'];
}

export function createStorageTestDatabases(): TestDatabases {
  return TestDatabases.create({ ids: storageTestDatabaseIds() });
}
