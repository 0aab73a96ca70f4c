/*
 * The connector's owner (its Azure tag backstage-owner, as a full lower-case entity ref), so the
 * overview page can show and filter connectors by owner in the database, page by page.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table
      .string('owner', 255)
      .nullable()
      .comment('Entity ref from the backstage-owner tag, lower-cased');
    table.index(['owner'], 'defender_connectors_owner_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table.dropIndex(['owner'], 'defender_connectors_owner_idx');
    table.dropColumn('owner');
  });
};
