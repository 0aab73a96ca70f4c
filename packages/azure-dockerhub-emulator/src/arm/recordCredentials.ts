import type { ConnectorRecord } from '../state/EmulatorState';

/** Appends the credentials to the connector's history when they differ from the last ones. */
export function recordCredentials(
  rec: ConnectorRecord,
  at: number,
  username?: string,
  secret?: string,
) {
  const last = rec.credentials[rec.credentials.length - 1];
  if (!last || username !== last.username || secret !== last.secret) {
    rec.credentials.push({ at, username, secret });
  }
}

/**
 * PATCH merges: a body without accessToken keeps the stored token while the username stays
 * (undocumented; the merge is what the PatchSecurityConnector example implies).
 */
export function mergeCredentials(
  rec: ConnectorRecord,
  at: number,
  username?: string,
  secret?: string,
) {
  const last = rec.credentials[rec.credentials.length - 1];
  const nextUsername = username ?? last?.username;
  const nextSecret =
    secret ?? (nextUsername === last?.username ? last?.secret : undefined);
  recordCredentials(rec, at, nextUsername, nextSecret);
}
