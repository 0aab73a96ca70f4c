import { RequestContext, send } from '../server/RequestContext';
import { HubOrg } from '../state/EmulatorState';
import { checkCredentials, issueHubJwt, readHubBearer } from './hubCredentials';
import {
  canSeeRepository,
  hubOrg,
  HubIdentity,
  membership,
} from './hubDirectory';
import { orgEntry, repositoryEntry, tagEntry } from './hubListEntries';

const USER_ORGS = /^\/v2\/user\/orgs\/?$/;

export function hubRouteNames(id: string): string[] {
  const aliases: Record<string, string[]> = {
    AuthCreateAccessToken: ['hubAuthToken'],
    PostUsersLogin: ['hubLogin'],
    listNamespaceRepositories: ['repositories'],
    ListRepositoryTags: ['tags'],
    userOrgs: ['orgs'],
  };
  return [id, ...(aliases[id] ?? []), 'dockerHub'];
}

/**
 * Rate limit of the Hub API (spec tag `rate-limiting`): `X-RateLimit-*` on every answer under the
 * limit, `429` + `Retry-After` (seconds) above it. Per client address and emulated minute.
 */
function rateLimit(ctx: RequestContext): boolean {
  const { core } = ctx;
  const limit = core.state.hub.rateLimitPerMinute;
  const now = core.now();
  const window = Math.floor(now / 60_000);
  const key = ctx.req.socket.remoteAddress ?? 'unknown';
  const entry = core.rateWindows.get(key);
  const current =
    entry && entry.window === window ? entry : { window, used: 0 };
  current.used += 1;
  core.rateWindows.set(key, current);
  const reset = (window + 1) * 60;
  ctx.headers['X-RateLimit-Limit'] = String(limit);
  ctx.headers['X-RateLimit-Remaining'] = String(
    Math.max(0, limit - current.used),
  );
  ctx.headers['X-RateLimit-Reset'] = String(reset);
  if (current.used > limit) {
    void send(
      ctx,
      429,
      { detail: 'Rate limit exceeded', error: false },
      {
        'Retry-After': String(Math.max(1, Math.ceil(reset - now / 1000))),
      },
    );
    return false;
  }
  return true;
}

function parseJson(ctx: RequestContext): { ok: boolean; body?: any } {
  if (ctx.rawBody.length === 0) return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(ctx.rawBody.toString('utf8')) };
  } catch {
    void send(ctx, 400, { fields: {}, text: 'JSON parse error' });
    return { ok: false };
  }
}

/** Docker Hub repeats an error's text in `detail` and `message`. */
const hubError = (
  ctx: RequestContext,
  status: number,
  text: string,
  extra: Record<string, unknown> = {},
) => send(ctx, status, { ...extra, detail: text, message: text });

const unauthorized = (ctx: RequestContext) =>
  hubError(ctx, 401, 'Incorrect authentication credentials', { errinfo: {} });

function pageParams(ctx: RequestContext) {
  const page = Number(ctx.query.get('page') ?? '1');
  const pageSize = Number(ctx.query.get('page_size') ?? '10');
  return {
    page: Math.max(1, page || 1),
    pageSize: Math.min(100, Math.max(1, pageSize || 10)),
  };
}

/** Docker Hub paging: absolute `next`/`previous`, and 404 past the last page (Hub API reference). */
async function sendPage<T>(ctx: RequestContext, items: T[]) {
  const { page, pageSize } = pageParams(ctx);
  const start = (page - 1) * pageSize;
  if (page > 1 && start >= items.length) {
    return hubError(ctx, 404, 'Invalid page.');
  }
  const link = (p: number) => {
    const url = new URL(ctx.core.url + ctx.path);
    ctx.query.forEach((v, k) => url.searchParams.set(k, v));
    url.searchParams.set('page', String(p));
    url.searchParams.set('page_size', String(pageSize));
    return url.toString();
  };
  return send(ctx, 200, {
    count: items.length,
    next: start + pageSize < items.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    results: items.slice(start, start + pageSize),
  });
}

type Handler = (
  ctx: RequestContext,
  params: Record<string, string>,
  body: any,
) => Promise<void>;

/**
 * A route under `/v2/namespaces/{namespace}`, called with the caller (undefined when anonymous)
 * and the organization the namespace names, if any. An invalid bearer is refused even where
 * anonymous calls work (observed Docker Hub behaviour).
 */
function namespaceRoute(
  handle: (
    ctx: RequestContext,
    params: Record<string, string>,
    who: HubIdentity | undefined,
    org: HubOrg | undefined,
  ) => Promise<void>,
): Handler {
  return async (ctx, params) => {
    const bearer = readHubBearer(ctx.core, ctx.req.headers.authorization);
    if (bearer.kind === 'invalid') return unauthorized(ctx);
    const who = bearer.kind === 'ok' ? bearer.identity : undefined;
    return handle(ctx, params, who, hubOrg(ctx.core.state, params.namespace));
  };
}

const credentialsOf = (ctx: RequestContext, user: string, secret: string) =>
  checkCredentials(ctx.core.state, user, secret, ctx.core.now());

const HUB_HANDLERS: Record<string, Handler> = {
  async AuthCreateAccessToken(ctx, _params, body) {
    const creds = credentialsOf(ctx, body.identifier, body.secret);
    if (!creds) return unauthorized(ctx);
    return send(ctx, 200, { access_token: issueHubJwt(ctx.core, creds) });
  },

  async PostUsersLogin(ctx, _params, body) {
    const creds = credentialsOf(ctx, body.username, body.password);
    if (!creds)
      return send(ctx, 401, { detail: 'Incorrect authentication credentials' });
    return send(ctx, 200, { token: issueHubJwt(ctx.core, creds) });
  },

  async userOrgs(ctx) {
    const bearer = readHubBearer(ctx.core, ctx.req.headers.authorization);
    if (bearer.kind !== 'ok') {
      return hubError(
        ctx,
        401,
        'Authentication credentials were not provided.',
      );
    }
    if (bearer.identity.org) {
      return hubError(
        ctx,
        403,
        'token issued from organization access token is not allowed',
      );
    }
    const username = bearer.identity.username!;
    const orgs = ctx.core.state.hub.orgs
      .filter(o => !o.deleted)
      .flatMap(o => {
        const m = o.members.find(
          x => x.user.toLowerCase() === username.toLowerCase(),
        );
        return m ? [orgEntry(o, m.role)] : [];
      });
    return sendPage(ctx, orgs);
  },

  listNamespaceRepositories: namespaceRoute(async (ctx, _params, who, org) => {
    // Unknown namespaces answer 200 with nothing (Docker staff, docker/hub-feedback #2357).
    let repos = org
      ? org.repositories.filter(r =>
          canSeeRepository(ctx.core.state, org, r, who),
        )
      : [];
    const name = ctx.query.get('name');
    if (name) repos = repos.filter(r => r.name.includes(name));
    const ordering = ctx.query.get('ordering');
    const entries = repos.map(r => repositoryEntry(org!, r));
    if (ordering) {
      const field = ordering.replace(/^-/, '') as
        | 'name'
        | 'last_updated'
        | 'pull_count';
      const dir = ordering.startsWith('-') ? -1 : 1;
      entries.sort(
        (a, b) => dir * String(a[field]).localeCompare(String(b[field])),
      );
    }
    return sendPage(ctx, entries);
  }),

  ListRepositoryTags: namespaceRoute(async (ctx, params, who, org) => {
    const repo = org?.repositories.find(
      r => r.name.toLowerCase() === params.repository.toLowerCase(),
    );
    const notFound = () => hubError(ctx, 404, 'object not found');
    if (!org || !repo) return notFound();
    if (!canSeeRepository(ctx.core.state, org, repo, who)) {
      // Callers related to the organization learn the repository exists (403); others get 404.
      const related = who?.org
        ? who.org.toLowerCase() === org.name.toLowerCase()
        : who?.username !== undefined &&
          membership(ctx.core.state, org.name, who.username) !== undefined;
      if (!related) return notFound();
      return hubError(ctx, 403, 'access to the resource is forbidden');
    }
    // A digest-only image has no tag, so the tag list leaves it out.
    return sendPage(
      ctx,
      repo.tags.filter(t => !t.digest).map((t, i) => tagEntry(org, repo, t, i)),
    );
  }),
};

export function matchHub(
  ctx: RequestContext,
): { id: string; params: Record<string, string> } | undefined {
  if (ctx.method === 'GET' && USER_ORGS.test(ctx.path))
    return { id: 'userOrgs', params: {} };
  const m = ctx.core.specs.match('dockerhub', ctx.method, ctx.path);
  if (!m || !HUB_HANDLERS[m.op.id]) return undefined;
  return { id: m.op.id, params: m.params };
}

export async function handleHub(ctx: RequestContext): Promise<void> {
  if (!rateLimit(ctx)) return;
  const match = matchHub(ctx);
  if (!match) {
    await send(ctx, 404, {
      message: 'not found',
      detail: `The emulator does not serve ${ctx.method} ${ctx.path}`,
    });
    return;
  }
  const parsed = parseJson(ctx);
  if (!parsed.ok) return;
  if (match.id !== 'userOrgs') {
    const issues = ctx.core.specs.validateRequest(match.id, {
      path: match.params,
      query: ctx.query,
      body: parsed.body,
    });
    if (issues.length) {
      // The Hub's validation error shape (spec: listNamespaceRepositories 400 example).
      const fields: Record<string, string[]> = {};
      for (const i of issues)
        (fields[i.name || i.location] ??= []).push(
          `${i.name || i.location} ${i.message}`,
        );
      await send(ctx, 400, {
        fields,
        text: `Invalid ${Object.keys(fields).join(', ')}`,
      });
      return;
    }
  }
  await HUB_HANDLERS[match.id](ctx, match.params, parsed.body);
}
