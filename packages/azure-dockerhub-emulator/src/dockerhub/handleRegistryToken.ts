import { RequestContext, send } from '../server/RequestContext';
import { signJwt } from '../util/jwt';
import { checkCredentials } from './hubCredentials';
import {
  canPush,
  canSeeRepository,
  HubIdentity,
  hubOrg,
  ScopeLevel,
} from './hubDirectory';

const SERVICE = 'registry.docker.io';
const LIFETIME_S = 300;

/** Actions each PAT/OAT level allows at all (https://docs.docker.com/security/access-tokens/). */
const TOKEN_ACTIONS: Record<ScopeLevel, string[]> = {
  public_read: ['pull'],
  read: ['pull'],
  write: ['pull', 'push'],
  admin: ['pull', 'push', 'delete'],
};

function grantedActions(
  ctx: RequestContext,
  name: string,
  wanted: string[],
  who: HubIdentity | undefined,
): string[] {
  const [orgName, repoName] = name.split('/');
  const org = repoName ? hubOrg(ctx.core.state, orgName) : undefined;
  if (!org) return [];
  const repo = org.repositories.find(
    r => r.name.toLowerCase() === repoName.toLowerCase(),
  );
  return wanted.filter(action => {
    if (action === 'pull')
      return (
        repo !== undefined && canSeeRepository(ctx.core.state, org, repo, who)
      );
    // Editors may push new repositories into the namespace, so push does not need `repo`.
    if (action === 'push') return canPush(ctx.core.state, org, who);
    if (action === 'delete')
      return who?.scope === 'admin' && canPush(ctx.core.state, org, who);
    return false;
  });
}

/**
 * `auth.docker.io/token`. Docker Hub deviates from the distribution spec for tokens: asking for
 * actions beyond the token's own scope is an error (`401 … insufficient scopes`, docker/cli
 * PR #4511), while missing rights on the repository just shrink the granted actions.
 */
export async function handleRegistryToken(ctx: RequestContext): Promise<void> {
  if (ctx.method !== 'GET')
    return send(ctx, 405, { details: 'method not allowed' });
  if (ctx.query.get('service') !== SERVICE) {
    return send(ctx, 400, {
      details: `unsupported service: expected ${SERVICE}`,
    });
  }
  let who: HubIdentity | undefined;
  let subject = '';
  const basic = /^Basic\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
  if (ctx.req.headers.authorization) {
    if (!basic)
      return send(ctx, 401, { details: 'incorrect username or password' });
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const creds =
      colon > 0
        ? checkCredentials(
            ctx.core.state,
            decoded.slice(0, colon),
            decoded.slice(colon + 1),
            ctx.core.now(),
          )
        : undefined;
    if (!creds)
      return send(ctx, 401, { details: 'incorrect username or password' });
    who = creds.identity;
    subject = creds.uuid;
  }
  const access: {
    type: string;
    name: string;
    actions: string[];
    parameters: Record<string, string>;
  }[] = [];
  for (const scope of ctx.query.getAll('scope')) {
    const m = /^repository:([^:]+):([a-z,*]+)$/.exec(scope);
    if (!m) return send(ctx, 400, { details: `invalid scope: ${scope}` });
    const wanted = m[2].split(',').filter(Boolean);
    if (
      who &&
      who.scope !== 'admin' &&
      wanted.some(a => !TOKEN_ACTIONS[who!.scope].includes(a))
    ) {
      return send(ctx, 401, {
        details: 'access token has insufficient scopes',
      });
    }
    access.push({
      type: 'repository',
      name: m[1],
      actions: grantedActions(ctx, m[1], wanted, who),
      parameters: { pull_limit: '200', pull_limit_interval: '21600' },
    });
  }
  const now = Math.floor(ctx.core.now() / 1000);
  const token = signJwt(
    {
      access,
      aud: SERVICE,
      iss: 'auth.docker.io',
      exp: now + LIFETIME_S,
      iat: now,
      nbf: now - 300,
      jti: ctx.core.random.hex(22),
      sub: subject,
    },
    ctx.core.registryKey,
  );
  return send(ctx, 200, {
    token,
    access_token: token,
    expires_in: LIFETIME_S,
    issued_at: new Date(ctx.core.now()).toISOString(),
  });
}
