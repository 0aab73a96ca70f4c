/*
 * Connector health snapshots of the Defender for Containers backend plugin. Times are ISO-8601
 * UTC strings (toISOString), which sort and compare the same way in SQLite and PostgreSQL.
 * Nothing here ever holds a Docker Hub token or an Azure credential: rows are built from
 * whitelisted connector fields, health reports and Resource Graph counts only.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('defender_connectors', table => {
    table.comment(
      'Last good Defender health and findings per Docker Hub connector',
    );
    table
      .string('connector_key', 600)
      .primary()
      .notNullable()
      .comment('Lower-cased ARM id');
    table
      .string('id', 600)
      .notNullable()
      .comment('ARM id as Azure returned it');
    table.string('subscription_id', 36).notNullable().comment('Lower-cased');
    table.string('resource_group', 90).notNullable();
    table.string('name', 260).notNullable();
    table
      .string('organization', 255)
      .notNullable()
      .comment('Docker Hub organization, lower-cased');
    table.string('location', 64).nullable();
    table
      .string('reported_status', 16)
      .notNullable()
      .comment('healthy | unhealthy | pending');
    table.integer('issue_count').notNullable().defaultTo(0);
    table.integer('critical').notNullable().defaultTo(0);
    table.integer('high').notNullable().defaultTo(0);
    table.integer('medium').notNullable().defaultTo(0);
    table.integer('low').notNullable().defaultTo(0);
    table.string('last_scanned_at', 32).nullable();
    table
      .string('refreshed_at', 32)
      .notNullable()
      .comment('Last successful read from Azure');
    table
      .string('failing_since', 32)
      .nullable()
      .comment('First failed refresh after the last good one');
    table.text('last_error').nullable();
    table
      .string('refresh_requested_at', 32)
      .nullable()
      .comment('Last on-demand refresh (rate limit)');
    table
      .text('details')
      .notNullable()
      .comment('JSON: issues, plans, offerings, findings');
    table.index(['subscription_id'], 'defender_connectors_subscription_idx');
    table.index(['organization'], 'defender_connectors_organization_idx');
  });

  await knex.schema.createTable('defender_subscription_refreshes', table => {
    table.comment('Outcome of the last refresh per allowed subscription');
    table
      .string('subscription_id', 36)
      .primary()
      .notNullable()
      .comment('Lower-cased');
    table.string('last_attempt_at', 32).notNullable();
    table.string('last_success_at', 32).nullable();
    table.string('failing_since', 32).nullable();
    table.text('last_error').nullable();
  });

  await knex.schema.createTable('defender_connector_history', table => {
    table.comment(
      'One row per connector, day and repository (* = the whole connector)',
    );
    table.string('connector_key', 600).notNullable();
    table.string('date', 10).notNullable().comment('YYYY-MM-DD, UTC');
    table.string('repository', 512).notNullable();
    table.string('status', 16).nullable();
    table.integer('critical').notNullable().defaultTo(0);
    table.integer('high').notNullable().defaultTo(0);
    table.integer('medium').notNullable().defaultTo(0);
    table.integer('low').notNullable().defaultTo(0);
    table.primary(['connector_key', 'date', 'repository']);
    table.index(['date'], 'defender_connector_history_date_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('defender_connector_history');
  await knex.schema.dropTable('defender_subscription_refreshes');
  await knex.schema.dropTable('defender_connectors');
};
