import {
  ConflictError,
  InputError,
  NotAllowedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ArmError } from '@defender-backstage/plugin-defender-for-containers-node';

const UNREGISTERED = new Set([
  'MissingSubscriptionRegistration',
  'NoRegisteredProviderFound',
]);

/** The ArmError's message is already in ours; keep it as `cause` without repeating it in the text. */
function withCause<E extends Error>(error: E, cause: unknown): E {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

/**
 * Turns a failed ARM call into the error the task shows: what failed (status, ARM code and
 * message, request ids — all in `ArmError.message`), that nothing else changed, and what to do.
 */
export function armFailure(what: string, e: unknown): Error {
  if (!(e instanceof ArmError)) {
    return withCause(
      new Error(`${what} failed: ${(e as Error)?.message ?? e}`),
      e,
    );
  }
  const base = `${what} failed; nothing else was changed. ${e.message}.`;
  if (e.status === 0 || e.status === 429 || e.status >= 500) {
    return withCause(
      new ServiceUnavailableError(
        `${base} Next: Azure is throttling or unavailable; run the task again — it converges on the same connector without duplicates.`,
      ),
      e,
    );
  }
  if (e.status === 403) {
    return withCause(
      new NotAllowedError(
        `${base} Next: give Backstage's Azure identity the Security Admin role (or Contributor) on the resource group, then run again.`,
      ),
      e,
    );
  }
  if (UNREGISTERED.has(e.code ?? '')) {
    return withCause(
      new InputError(
        `${base} Next: register the Microsoft.Security resource provider on the subscription (az provider register --namespace Microsoft.Security), then run again.`,
      ),
      e,
    );
  }
  if (e.status === 409 || e.status === 412) {
    return withCause(
      new ConflictError(
        `${base} Next: the connector changed meanwhile or is locked; run again.`,
      ),
      e,
    );
  }
  return withCause(
    new InputError(
      `${base} Next: check the subscription, resource group, location and connector name, then run again.`,
    ),
    e,
  );
}
