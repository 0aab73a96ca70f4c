import { InputError } from '@backstage/errors';
import { parseTokenExpiresOn } from '@defender-backstage/plugin-defender-for-containers-common';

const WHERE =
  "Docker Hub shows it under Account settings → Personal access tokens, column 'Expires'";
const DAY_MS = 86_400_000;

/**
 * The `tokenExpiresOn` input: the day the given token expires (`YYYY-MM-DD`), or undefined for a
 * token that never expires (`never`, empty or absent). It describes the token sent now, so an
 * existing connector's expiry tag is replaced by it (or dropped). Docker Hub tokens expire at most
 * a year after their creation and the day cannot be changed later
 * (https://docs.docker.com/security/access-tokens/personal-access-tokens/).
 */
export function parseTokenExpiresOnInput(
  raw: unknown,
  now: Date = new Date(),
): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') {
    throw new InputError(
      `tokenExpiresOn must be text: the token's expiry day as YYYY-MM-DD, or 'never' (${WHERE})`,
    );
  }
  const text = raw.trim();
  if (text === '' || text.toLowerCase() === 'never') return undefined;
  const day = parseTokenExpiresOn(text);
  if (!day) {
    throw new InputError(
      `tokenExpiresOn '${text.slice(
        0,
        40,
      )}' is not a day: give the token's expiry day as YYYY-MM-DD, or 'never' (${WHERE})`,
    );
  }
  const today = now.toISOString().slice(0, 10);
  if (day <= today) {
    throw new InputError(
      `tokenExpiresOn ${day} is not in the future: that token has expired (or expires today). Create a new Read-only personal access token and run again with it and its expiry day.`,
    );
  }
  const latest = new Date(now.getTime() + 366 * DAY_MS)
    .toISOString()
    .slice(0, 10);
  if (day > latest) {
    throw new InputError(
      `tokenExpiresOn ${day} is more than a year away, and Docker Hub tokens expire within a year of their creation: check the day (${WHERE}).`,
    );
  }
  return day;
}
