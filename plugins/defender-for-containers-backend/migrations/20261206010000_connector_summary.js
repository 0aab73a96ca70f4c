/*
 * What the overview page lists about a connector, as columns: GET /connectors reads these and
 * never the per-image `details` JSON (thousands of connectors per page would parse megabytes).
 * Rows written before are filled in from their details once, here.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table
      .text('health_reason')
      .nullable()
      .comment("Defender's reason of a NotHealthy report");
    table.text('first_issue').nullable().comment('Title of the first issue');
    table
      .boolean('findings_reported')
      .nullable()
      .comment('Defender assessed any image (false: no findings data)');
  });
  const rows = await knex('defender_connectors').select(
    'connector_key',
    'details',
  );
  for (const row of rows) {
    let details;
    try {
      details = JSON.parse(row.details);
    } catch {
      continue;
    }
    await knex('defender_connectors')
      .where({ connector_key: row.connector_key })
      .update({
        health_reason: details.healthReason ?? null,
        first_issue: details.issues?.[0]?.title ?? null,
        findings_reported: details.findings?.reported ?? true,
      });
  }
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('defender_connectors', table => {
    table.dropColumn('health_reason');
    table.dropColumn('first_issue');
    table.dropColumn('findings_reported');
  });
};
