import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ArmError } from '@defender-backstage/plugin-defender-for-containers-node';

/**
 * Turns a failed ARM write into the error the task shows: what failed (status, ARM code and
 * message, request ids — all in `ArmError.message`), that nothing else changed, and what to do.
 */
export function armFailure(what: string, e: unknown): Error {
  if (!(e instanceof ArmError)) {
    return new Error(`${what} failed: ${(e as Error)?.message ?? e}`, {
      cause: e,
    });
  }
  const base = `${what} failed; nothing else was changed. ${e.message}.`;
  if (e.status === 0 || e.status === 429 || e.status >= 500) {
    return new ServiceUnavailableError(
      `${base} Next: Azure is throttling or unavailable; run the task again — it converges on the same connector without duplicates.`,
      e,
    );
  }
  if (e.status === 403) {
    return new NotAllowedError(
      `${base} Next: give Backstage's Azure identity the Security Admin role (or Contributor) on the resource group, then run again.`,
      e,
    );
  }
  if (e.status === 409 || e.status === 412) {
    return new ConflictError(
      `${base} Next: the connector changed meanwhile or is locked; run again.`,
      e,
    );
  }
  return new InputError(
    `${base} Next: check the subscription, resource group, location and connector name, then run again.`,
    e,
  );
}
