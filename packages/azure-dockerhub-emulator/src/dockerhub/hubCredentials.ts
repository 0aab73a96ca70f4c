import { EmulatorState, HubToken } from '../state/EmulatorState';
import { JwtClaims, signJwt, verifyJwt } from '../util/jwt';
import type { EmulatorCore } from '../server/EmulatorCore';
import {
  findCredentialToken,
  hubOrg,
  hubUser,
  HubIdentity,
  ScopeLevel,
} from './hubDirectory';

export const HUB_CLAIM = 'https://hub.docker.com';
export const HUB_JWT_LIFETIME_S = 600;

export interface CheckedCredentials {
  identity: HubIdentity;
  source: 'pat' | 'oat' | 'password';
  username: string;
  email: string;
  uuid: string;
  token?: HubToken;
}

function usable(token: HubToken, now: number) {
  return (
    !token.revoked && (token.expiresAt === undefined || token.expiresAt > now)
  );
}

/** identifier + secret as Docker Hub checks them: PAT of a user, OAT of an org, or a password. */
export function checkCredentials(
  state: EmulatorState,
  identifier: string,
  secret: string,
  now: number,
): CheckedCredentials | undefined {
  const token = findCredentialToken(state, identifier, secret);
  if (token) {
    if (!usable(token, now)) return undefined;
    if (token.org) {
      const org = hubOrg(state, token.org);
      if (!org) return undefined;
      return {
        identity: { org: org.name, scope: token.scope },
        source: 'oat',
        username: org.name,
        email: '',
        uuid: org.uuid,
        token,
      };
    }
    const user = hubUser(state, token.user);
    if (!user) return undefined;
    return {
      identity: { username: user.username, scope: token.scope },
      source: 'pat',
      username: user.username,
      email: user.email,
      uuid: user.uuid,
      token,
    };
  }
  const user = hubUser(state, identifier);
  if (user?.password !== undefined && user.password === secret) {
    // Passwords carry no scope: everything the account may do.
    return {
      identity: { username: user.username, scope: 'admin' },
      source: 'password',
      username: user.username,
      email: user.email,
      uuid: user.uuid,
    };
  }
  return undefined;
}

/** The Hub JWT as Docker Hub issues it (observed): `scope` plus the `https://hub.docker.com` claim. */
export function issueHubJwt(
  core: EmulatorCore,
  creds: CheckedCredentials,
): string {
  const now = Math.floor(core.now() / 1000);
  const claims: JwtClaims = {
    [HUB_CLAIM]: {
      username: creds.username,
      email: creds.email,
      uuid: creds.uuid,
      session_id: core.random.uuid(),
      source: creds.source,
    },
    iat: now,
    exp: now + HUB_JWT_LIFETIME_S,
    iss: 'https://hub.docker.com',
    aud: 'https://hub.docker.com',
    sub: creds.uuid,
    jti: core.random.uuid(),
  };
  if (creds.source !== 'password')
    claims.scope = `repo:${creds.identity.scope}`;
  return signJwt(claims, core.hubKey);
}

export type BearerResult =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'ok'; identity: HubIdentity; source: string };

export function readHubBearer(
  core: EmulatorCore,
  header: string | undefined,
): BearerResult {
  if (!header) return { kind: 'none' };
  const m = /^(?:Bearer|JWT)\s+(\S+)$/i.exec(header);
  if (!m) return { kind: 'invalid' };
  // Separate cache keys: an Entra token must never pass as a Hub token or the other way round.
  let claims = core.verifiedTokens.get(`hub:${m[1]}`);
  if (!claims) {
    claims = verifyJwt(m[1], core.hubKey);
    if (!claims) return { kind: 'invalid' };
    core.verifiedTokens.set(`hub:${m[1]}`, claims);
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= core.now())
    return { kind: 'invalid' };
  const hub = claims[HUB_CLAIM] as { username: string; source: string };
  const scope = (
    typeof claims.scope === 'string'
      ? claims.scope.replace(/^repo:/, '')
      : 'admin'
  ) as ScopeLevel;
  const identity: HubIdentity =
    hub.source === 'oat'
      ? { org: hub.username, scope }
      : { username: hub.username, scope };
  return { kind: 'ok', identity, source: hub.source };
}
