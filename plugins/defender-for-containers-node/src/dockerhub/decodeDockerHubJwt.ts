/**
 * What the Hub JWT says about the access token that minted it (reference/dockerhub §2.3).
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
 * Reads the claims of a JWT received directly from Docker over TLS (no signature check needed:
 * we trust the channel, not the token). Returns `{}` when it cannot be decoded.
 * @public
 */
export function decodeDockerHubJwt(jwt: string): DockerHubTokenClaims {
  try {
    const payload = JSON.parse(
      Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    const hub = payload?.['https://hub.docker.com'] ?? {};
    return {
      scope: typeof payload?.scope === 'string' ? payload.scope : undefined,
      username: typeof hub.username === 'string' ? hub.username : undefined,
      expiresAt:
        typeof payload?.exp === 'number'
          ? new Date(payload.exp * 1000)
          : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * The `access` claim of a registry token: the actions granted per repository.
 * @public
 */
export function decodeRegistryTokenActions(
  jwt: string,
  repository: string,
): string[] {
  try {
    const payload = JSON.parse(
      Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'),
    );
    const access: any[] = Array.isArray(payload?.access) ? payload.access : [];
    const entry = access.find(
      a => String(a?.name).toLowerCase() === repository.toLowerCase(),
    );
    return Array.isArray(entry?.actions) ? entry.actions.map(String) : [];
  } catch {
    return [];
  }
}
