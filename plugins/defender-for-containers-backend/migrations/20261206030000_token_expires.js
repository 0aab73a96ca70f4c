/*
 * The day the connector's Docker Hub token expires (its `dockerhub-token-expires` tag), as a
 * column so the overview sorts by it; null for connectors without the tag.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table
      .string('token_expires_on', 10)
      .nullable()
      .comment('YYYY-MM-DD from the dockerhub-token-expires tag');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table.dropColumn('token_expires_on');
  });
};
