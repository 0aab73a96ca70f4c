/**
 * Azure tag on a connector holding the day its Docker Hub access token expires (`YYYY-MM-DD`,
 * UTC), written by onboarding and rotation: Docker Hub sets a token's expiry when it is created
 * and cannot change it (https://docs.docker.com/security/access-tokens/personal-access-tokens/),
 * and nothing in Azure or Docker's API tells it afterwards.
 * @public
 */
export const CONNECTOR_TAG_TOKEN_EXPIRES = 'dockerhub-token-expires';

/**
 * How close a token is to its expiry: `soon` within 30 days (shown), `warning` within 14 (shown
 * as a warning, the owner notified), `critical` within 3 (notified again), `expired` from its
 * day on (an issue, notified once more).
 * @public
 */
export type TokenExpiryStage =
  | 'none'
  | 'soon'
  | 'warning'
  | 'critical'
  | 'expired';

/** @public */
export interface TokenExpiry {
  /** `YYYY-MM-DD`. */
  expiresOn: string;
  /** Whole days from today (UTC) to the expiry day; 0 or less once expired. */
  daysLeft: number;
  stage: TokenExpiryStage;
}

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The tag's value as a `YYYY-MM-DD` day that exists, or undefined.
 * @public
 */
export function parseTokenExpiresOn(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const day = new Date(`${match[0]}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) &&
    day.toISOString().slice(0, 10) === match[0]
    ? match[0]
    : undefined;
}

/**
 * Where a token stands on `now`, from its expiry day; undefined when the day is unknown.
 * @public
 */
export function tokenExpiryOf(
  expiresOn: string | undefined,
  now: Date,
): TokenExpiry | undefined {
  const day = parseTokenExpiresOn(expiresOn);
  if (!day) return undefined;
  const today = Date.UTC(
    now.getUTCFullYear(),
    now.getUTCMonth(),
    now.getUTCDate(),
  );
  const daysLeft = Math.round(
    (Date.parse(`${day}T00:00:00Z`) - today) / DAY_MS,
  );
  let stage: TokenExpiryStage = 'none';
  if (daysLeft <= 0) stage = 'expired';
  else if (daysLeft <= 3) stage = 'critical';
  else if (daysLeft <= 14) stage = 'warning';
  else if (daysLeft <= 30) stage = 'soon';
  return { expiresOn: day, daysLeft, stage };
}

/**
 * The stages the owner is notified of, in order; `soon` is shown but not notified.
 * @public
 */
export const NOTIFIED_TOKEN_EXPIRY_STAGES: readonly TokenExpiryStage[] = [
  'warning',
  'critical',
  'expired',
];
