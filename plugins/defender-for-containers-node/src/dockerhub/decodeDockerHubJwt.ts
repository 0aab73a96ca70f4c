import { decodeJwt, type JWTPayload } from 'jose';

/**
 * What the Hub JWT says about the access token that minted it. Docker documents the token only
 * as "JWT"; its `scope` claim and the user under `https://hub.docker.com` are what Docker's own
 * MCP server reads (https://github.com/docker/hub-mcp/blob/main/src/accounts.ts).
 * @public
 */
export interface DockerHubTokenClaims {
  /** PAT scope: `repo:read`, `repo:public_read`, `repo:write`, `repo:admin`; absent for passwords. */
  scope?: string;
  /** The Docker Hub user the token belongs to. */
  username?: string;
  /** When the JWT (not the PAT) expires. */
  expiresAt?: Date;
}

/**
 * The payload, or `undefined` for anything that is not a JWT. No signature check: the token came
 * straight from Docker over TLS, so the channel is what is trusted, not the token.
 */
function payloadOf(jwt: string): JWTPayload | undefined {
  try {
    return decodeJwt(jwt);
  } catch {
    return undefined;
  }
}

/**
 * Reads the claims of a JWT received directly from Docker. Returns `{}` when it cannot be decoded.
 * @public
 */
export function decodeDockerHubJwt(jwt: string): DockerHubTokenClaims {
  const payload = payloadOf(jwt);
  if (!payload) return {};
  const hub = payload['https://hub.docker.com'] as
    | { username?: unknown }
    | undefined;
  return {
    scope: typeof payload.scope === 'string' ? payload.scope : undefined,
    username: typeof hub?.username === 'string' ? hub.username : undefined,
    expiresAt:
      typeof payload.exp === 'number'
        ? new Date(payload.exp * 1000)
        : undefined,
  };
}

/**
 * The `access` claim of a registry token: the actions granted per repository.
 * @public
 */
export function decodeRegistryTokenActions(
  jwt: string,
  repository: string,
): string[] {
  const access = payloadOf(jwt)?.access;
  const entry = Array.isArray(access)
    ? access.find(
        a => String(a?.name).toLowerCase() === repository.toLowerCase(),
      )
    : undefined;
  return Array.isArray(entry?.actions) ? entry.actions.map(String) : [];
}
