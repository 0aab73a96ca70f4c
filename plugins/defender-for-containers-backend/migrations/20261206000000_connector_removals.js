/*
 * When a refresh found a connector gone from Azure. A refresh that read Azure before that moment
 * and writes after it must not bring the connector back: refreshes on several replicas (scheduled,
 * on demand, after onboarding) overlap, and only the data read last may win.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('defender_connector_removals', table => {
    table.comment('Connectors found gone, and as of which read from Azure');
    table
      .string('connector_key', 600)
      .primary()
      .notNullable()
      .comment('Lower-cased ARM id');
    table.string('subscription_id', 36).notNullable().comment('Lower-cased');
    table
      .string('removed_at', 32)
      .notNullable()
      .comment('Start of the read from Azure that found it gone');
    table.index(['subscription_id'], 'defender_connector_removals_sub_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('defender_connector_removals');
};
