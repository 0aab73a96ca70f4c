/*
 * Whether Defender had reported any findings data for the connector that day: a day without
 * data keeps zero counts in its row, which must not read as a day without findings.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('defender_connector_history', table => {
    table
      .boolean('findings_reported')
      .nullable()
      .comment(
        'False: no findings data that day (rows before: null, counted as reported)',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('defender_connector_history', table => {
    table.dropColumn('findings_reported');
  });
};
