import {
  connectorAssessments,
  type AssessmentRow,
} from '../findings/connectorAssessments';
import {
  assessmentSourceRows,
  findingsSummaryRows,
  openFindingsRows,
} from '../findings/subscriptionFindingRows';
import { send } from '../server/RequestContext';
import {
  decodeSkipToken,
  encodeSkipToken,
  listingSnapshot,
} from '../util/listingSnapshots';
import { canRead } from './armAuth';
import { armError } from './armErrors';
import type { ArmCall } from './ArmCall';
import {
  normalizeQuery,
  parseQuery,
  QUERY_TEMPLATES,
  type ParsedQuery,
} from './resourceGraphQueries';

type Row = Record<string, unknown>;

/** What dockerHubFindings projects, in its order (the order of a table result's columns). */
const FINDING_COLUMNS = [
  'id',
  'resourceId',
  'displayName',
  'severity',
  'statusCode',
  'fixedVersion',
  'cves',
  'imageName',
] as const satisfies readonly (keyof AssessmentRow)[];

function columnType(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value !== null && typeof value === 'object') return 'object';
  return 'string';
}

function rowsFor(
  call: ArmCall,
  parsed: ParsedQuery,
  subscriptions: Set<string>,
): Row[] {
  const { shape, connectorId } = parsed;
  const { state } = call.ctx.core;
  const now = call.ctx.core.now();
  const visible = [...state.connectors.values()].filter(c =>
    subscriptions.has(c.subscriptionId.toLowerCase()),
  );
  if (shape === 'dockerHubConnectors') {
    return visible
      .filter(
        c => String(c.properties.environmentName).toLowerCase() === 'dockerhub',
      )
      .map(c => ({
        id: c.id,
        name: c.name,
        subscriptionId: c.subscriptionId,
        resourceGroup: c.resourceGroup.toLowerCase(),
        location: c.location,
        organization: String(c.properties.hierarchyIdentifier ?? ''),
        scanInterval: c.properties.environmentData?.scanInterval ?? null,
        offerings: c.properties.offerings ?? [],
      }));
  }
  if (
    shape === 'subscriptionFindingsSummary' ||
    shape === 'connectorFindingsSummary'
  ) {
    return findingsSummaryRows(state, visible, now, connectorId);
  }
  if (
    shape === 'subscriptionOpenFindings' ||
    shape === 'connectorOpenFindings'
  ) {
    return openFindingsRows(state, visible, now, parsed.limit!, connectorId);
  }
  if (shape === 'imageAssessmentSources') {
    return assessmentSourceRows(state, visible, now);
  }
  const connector = visible.find(
    c => c.id.toLowerCase() === connectorId?.toLowerCase(),
  );
  if (!connector) return [];
  const prefix = `${connector.id.toLowerCase()}/securityentitydata/`;
  const rows = connectorAssessments(state, connector, now).filter(r =>
    r.resourceId.startsWith(prefix),
  );
  if (shape === 'dockerHubFindings') {
    return rows.map(r =>
      Object.fromEntries(FINDING_COLUMNS.map(column => [column, r[column]])),
    );
  }
  const counts = new Map<string, Row>();
  for (const r of rows.filter(row => row.statusCode === 'Unhealthy')) {
    const key = `${r.imageName}|${r.severity}`;
    const row = counts.get(key) ?? {
      imageName: r.imageName,
      severity: r.severity,
      findings: 0,
    };
    row.findings = (row.findings as number) + 1;
    counts.set(key, row);
  }
  return [...counts.values()];
}

export const resourceGraphHandlers = {
  async query(call: ArmCall) {
    const { ctx, principal, body } = call;
    const parsed = parseQuery(String(body.query));
    if (!parsed) {
      // Resource Graph's error shape for a query it cannot run.
      return armError(
        ctx,
        400,
        'BadRequest',
        `Please provide below info when asking for support: timestamp = ${new Date(
          ctx.core.now(),
        ).toISOString()}, correlationId = ${
          ctx.headers['x-ms-correlation-request-id']
        }.`,
        {
          details: [
            {
              code: 'InvalidQuery',
              message:
                'Query is invalid. Please refer to the documentation for the Azure Resource Graph service and fix the error before retrying.',
            },
            {
              code: 'UnsupportedQueryShape',
              message: `The emulator answers only the query shapes listed in its README (${Object.keys(
                QUERY_TEMPLATES,
              ).join(', ')}).`,
            },
          ],
        },
      );
    }
    const requested: string[] | undefined = body.subscriptions;
    const readable = new Set(
      [...ctx.core.state.subscriptions.values()]
        .filter(s => canRead(principal, s.id))
        .filter(
          s =>
            !requested ||
            requested.some(r => r.toLowerCase() === s.id.toLowerCase()),
        )
        .map(s => s.id.toLowerCase()),
    );
    const options = body.options ?? {};
    const token = decodeSkipToken(
      options.$skipToken ? String(options.$skipToken) : undefined,
    );
    const listing = listingSnapshot(
      ctx.core.state,
      token.snapshotId,
      () => rowsFor(call, parsed, readable),
      `${principal.clientId} ${[...readable].join(',')} ${normalizeQuery(
        String(body.query),
      )}`,
    );
    const all = listing.items;
    const offset = options.$skipToken ? token.offset : options.$skip ?? 0;
    const top = options.$top ?? 1000;
    const page = all.slice(offset, offset + top);
    const more = offset + top < all.length;
    let data: unknown = page;
    if (options.resultFormat === 'table') {
      const names = page.length ? Object.keys(page[0]) : [];
      data = {
        columns: names.map(name => ({ name, type: columnType(page[0][name]) })),
        rows: page.map(row => names.map(n => row[n])),
      };
    }
    return send(ctx, 200, {
      totalRecords: all.length,
      count: page.length,
      resultTruncated: 'false',
      ...(more
        ? { $skipToken: encodeSkipToken(listing.id, offset + top) }
        : {}),
      facets: [],
      data,
    });
  },
};
