import { ResponseError } from '@backstage/errors';
import {
  FINDING_SEVERITIES,
  type EntityFindingsResponse,
  type Finding,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { EntityFindingsRequest } from '../api/DefenderApi';

/**
 * `GET …/defender/findings` as the backend answers it, over a list of findings: filters, sort,
 * cursor paging, and a 400 for a cursor of another query. Tests and the dev app ask it, so a
 * component that sends the wrong query gets the wrong rows (or an error), not a canned page.
 */

/** What the answer says besides the rows. */
export type FindingsContext = Partial<
  Pick<
    EntityFindingsResponse,
    'entityRef' | 'narrowedTo' | 'truncated' | 'notAllowed' | 'refreshedAt'
  >
>;

const rank = (f: Finding) => FINDING_SEVERITIES.indexOf(f.severity);

function compare(sort: EntityFindingsRequest['sort']) {
  return (a: Finding, b: Finding): number => {
    switch (sort) {
      case 'firstSeen':
        return (a.firstSeenAt ?? '').localeCompare(b.firstSeenAt ?? '');
      case 'image':
        return a.image.localeCompare(b.image);
      case 'package':
        return (a.package ?? '').localeCompare(b.package ?? '');
      default:
        return rank(a) - rank(b);
    }
  };
}

function matches(f: Finding, request: EntityFindingsRequest): boolean {
  const q = request.q?.toLowerCase();
  return (
    (!request.severity?.length || request.severity.includes(f.severity)) &&
    (request.fixable === undefined || !!f.fixedVersion === request.fixable) &&
    (!request.repository || f.repository === request.repository) &&
    (!q ||
      [...f.cves, f.package ?? '', f.title].some(s =>
        s.toLowerCase().includes(q),
      ))
  );
}

/** The query a cursor belongs to: every parameter but the cursor. */
const queryKey = ({ cursor, ...rest }: EntityFindingsRequest) =>
  JSON.stringify({
    ...rest,
    severity: rest.severity?.length ? [...rest.severity].sort() : undefined,
  });

/** A short hash of the query, so a cursor is opaque and tied to it. */
function hashOf(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  }
  return (h >>> 0).toString(36);
}

const encodeCursor = (key: string, offset: number) =>
  `${hashOf(key)}.${offset.toString(36)}`;

function decodeCursor(cursor: string): { hash: string; offset: number } {
  const [hash, offset] = cursor.split('.');
  const value = parseInt(offset ?? '', 36);
  return { hash, offset: Number.isNaN(value) ? -1 : value };
}

export async function badRequest(message: string): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'InputError', message },
        response: { statusCode: 400 },
      }),
      { status: 400, headers: { 'content-type': 'application/json' } },
    ),
  );
}

/** One page of `all` for `request`, as the backend would answer it. */
export async function answerFindings(
  all: Finding[],
  request: EntityFindingsRequest = {},
  context: FindingsContext = {},
): Promise<EntityFindingsResponse> {
  const limit = request.limit ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw await badRequest('limit must be an integer from 1 to 200');
  }
  const key = queryKey(request);
  let offset = 0;
  if (request.cursor !== undefined) {
    const cursor = decodeCursor(request.cursor);
    if (cursor.hash !== hashOf(key) || cursor.offset < 0) {
      throw await badRequest(
        'The cursor does not belong to this query, or has expired; start from the first page',
      );
    }
    offset = cursor.offset;
  }
  const byId = (a: Finding, b: Finding) => a.id.localeCompare(b.id);
  const sorted = all
    .filter(f => matches(f, request))
    .sort((a, b) => {
      const c = compare(request.sort)(a, b);
      return (request.order === 'desc' ? -c : c) || byId(a, b);
    });
  const items = sorted.slice(offset, offset + limit);
  const severityCount = (s: Finding['severity']) =>
    all.filter(f => f.severity === s).length;
  return {
    entityRef: context.entityRef ?? 'component:default/payments-api',
    items,
    totalCount: sorted.length,
    nextCursor:
      offset + limit < sorted.length
        ? encodeCursor(key, offset + limit)
        : undefined,
    counts: {
      critical: severityCount('Critical'),
      high: severityCount('High'),
      medium: severityCount('Medium'),
      low: severityCount('Low'),
      total: all.length,
      fixable: all.filter(f => f.fixedVersion).length,
    },
    repositories: [...new Set(all.map(f => f.repository))].sort(),
    narrowedTo: context.narrowedTo,
    truncated: context.truncated ?? [],
    notAllowed: context.notAllowed ?? [],
    refreshedAt: context.refreshedAt,
  };
}
