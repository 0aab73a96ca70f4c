/*
 * Every open finding of each connector (at most health.findings.maxPerConnector, the most
 * severe first), replaced with the connector's snapshot in the same transaction; and, per
 * connector, how many were kept, so a cut list says so.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('defender_findings', table => {
    table.comment('Open findings of each connector, from its last snapshot');
    table.string('connector_key', 600).notNullable();
    table
      .string('finding_key', 32)
      .notNullable()
      .comment('sha-256 (hex, 32) of the lower-case assessment id');
    table.string('repository', 300).notNullable();
    table.string('image', 400).notNullable();
    table.string('package', 200).notNullable().defaultTo('');
    table.string('title', 300).notNullable();
    table.integer('severity_rank').notNullable().comment('0 Critical … 3 Low');
    table.text('cves').notNullable().comment('JSON array of ids');
    table
      .text('search_text')
      .notNullable()
      .comment('lower-case: ids, package, title');
    table.string('installed_version', 200).notNullable().defaultTo('');
    table.string('fixed_version', 200).notNullable().defaultTo('');
    table.boolean('fixable').notNullable();
    table.string('first_seen_at', 30).notNullable().defaultTo('');
    table.primary(['connector_key', 'finding_key']);
    table.index(
      ['connector_key', 'severity_rank'],
      'defender_findings_severity',
    );
    table.index(
      ['connector_key', 'repository'],
      'defender_findings_repository',
    );
  });
  await knex.schema.alterTable('defender_connectors', table => {
    table
      .integer('findings_stored')
      .nullable()
      .comment('rows in defender_findings; fewer than the open total when cut');
    table.integer('findings_fixable').nullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table.dropColumn('findings_stored');
    table.dropColumn('findings_fixable');
  });
  await knex.schema.dropTable('defender_findings');
};
