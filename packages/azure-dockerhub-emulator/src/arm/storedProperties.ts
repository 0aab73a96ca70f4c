import type { JsonObject } from '../state/EmulatorState';
import { jsonClone } from '../util/jsonClone';

/**
 * What we keep from a client body: writable values only, and never the token, which lives only
 * in the credential history (whether responses carry it is the scenario's `echoAccessToken`).
 */
export function storedProperties(properties: JsonObject | undefined): {
  properties: JsonObject;
  username?: string;
  secret?: string;
} {
  const copy = jsonClone(properties ?? {});
  delete copy.hierarchyIdentifierTrialEndDate;
  if (Array.isArray(copy.offerings)) {
    copy.offerings = copy.offerings.map((o: JsonObject) => {
      const { description: _readOnly, ...rest } = o;
      return rest;
    });
  }
  const auth = copy.environmentData?.authentication;
  let secret: string | undefined;
  let username: string | undefined;
  if (auth && typeof auth === 'object') {
    secret =
      typeof auth.accessToken === 'string' ? auth.accessToken : undefined;
    username = typeof auth.username === 'string' ? auth.username : undefined;
    delete auth.accessToken;
  }
  return { properties: copy, username, secret };
}

/**
 * PATCH takes the full SecurityConnector schema; the official PatchSecurityConnector example
 * answers with exactly the properties it sent (its `environmentData` replaces the stored one), so
 * each property present in the body replaces the stored value and absent ones are kept.
 */
export function patchProperties(
  stored: JsonObject,
  patch: JsonObject,
): JsonObject {
  const out: JsonObject = { ...stored };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = value;
  }
  return out;
}
