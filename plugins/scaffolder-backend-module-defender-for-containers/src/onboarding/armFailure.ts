import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  ArmError,
  parseSecurityConnectorId,
  sameArmId,
} from '@defender-backstage/plugin-defender-for-containers-node';
import {
  describeError,
  isSignInFailure,
  isTransient,
  isTransientSignInFailure,
  isUnregisteredProvider,
} from '../errors/describeError';

/**
 * 409s that clear by themselves: the RP is still busy with another write on the same resource
 * (ARM's `AnotherOperationInProgress`, `RetryableErrorDueToAnotherOperation`, or a generic
 * `Conflict` saying an operation is in progress).
 */
const BUSY_CODES = new Set([
  'AnotherOperationInProgress',
  'RetryableErrorDueToAnotherOperation',
  'OperationInProgress',
]);
const BUSY_MESSAGE =
  /another operation|operation (is )?(still |already )?in progress/i;

export function isBusyConflict(e: ArmError): boolean {
  return (
    e.status === 409 &&
    (BUSY_CODES.has(e.code ?? '') || BUSY_MESSAGE.test(e.armMessage ?? ''))
  );
}

const CONNECTOR_ID_IN_TEXT =
  /\/subscriptions\/[^\s'"/]+\/resourceGroups\/[^\s'"/]+\/providers\/Microsoft\.Security\/securityConnectors\/[^\s'"/,;]+/gi;

/**
 * The other connector a 409 names (Azure's message quotes its id), if it names one. The id of
 * the connector being written is no such name: a lock message quotes it as the locked scope.
 */
export function connectorNamedBy(
  e: ArmError,
  ownConnectorId?: string,
): string | undefined {
  for (const [match] of (e.armMessage ?? '').matchAll(CONNECTOR_ID_IN_TEXT)) {
    const id = match.replace(/\.$/, '');
    if (!ownConnectorId || !sameArmId(id, ownConnectorId)) return id;
  }
  return undefined;
}

/** What the caller knows that makes the advice concrete. */
export interface ArmFailureContext {
  /** The Docker Hub organization being written. */
  organization?: string;
  /** The connector being written (never "the other connector"). */
  connectorId?: string;
  /** The connector that already connects the organization, when found by other means. */
  otherConnectorId?: string;
}

/** The ArmError's message is already in ours; keep it as `cause` without repeating it in the text. */
export function withCause<E extends Error>(error: E, cause: unknown): E {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
}

/**
 * Turns a failed ARM call into the error the task shows: what failed (status, ARM code and
 * message, request ids — all in `ArmError.message`), that nothing else changed, and what to do.
 */
export function armFailure(
  what: string,
  e: unknown,
  context: ArmFailureContext = {},
): Error {
  // Already says what happened and what to do (e.g. a change made meanwhile, see putConnector).
  if (e instanceof ConflictError) return e;
  if (!(e instanceof ArmError)) {
    return withCause(new Error(`${what} failed: ${describeError(e)}`), e);
  }
  const base = `${what} failed; nothing else was changed. ${e.message}.`;
  if (isSignInFailure(e)) {
    return withCause(
      isTransientSignInFailure(e)
        ? new ServiceUnavailableError(
            `${base} Next: Microsoft Entra ID (Azure sign-in) is throttling or unavailable; run the task again in a minute or two.`,
          )
        : new ServiceUnavailableError(
            `${base} Next: Backstage could not sign in to Azure; a Backstage operator must fix defenderForContainers.azure.credential (or the identity it names), then run again.`,
          ),
      e,
    );
  }
  if (isTransient(e)) {
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
  if (isUnregisteredProvider(e)) {
    return withCause(
      new InputError(
        `${base} Next: register the Microsoft.Security resource provider on the subscription (az provider register --namespace Microsoft.Security), then run again.`,
      ),
      e,
    );
  }
  if (e.code === 'ResourceGroupNotFound' || e.code === 'SubscriptionNotFound') {
    return withCause(
      new NotFoundError(
        `${base} Next: check subscriptionId, resourceGroup and connectorId in the Azure portal, then run again with the right target: ${
          e.code === 'ResourceGroupNotFound'
            ? "the connector's resource group does not exist in that subscription (or Backstage's identity cannot see it); a deleted resource group took its connectors with it."
            : "the subscription does not exist or Backstage's identity cannot see it."
        }`,
      ),
      e,
    );
  }
  if (isBusyConflict(e)) {
    return withCause(
      new ConflictError(
        `${base} Next: Azure is still busy with another operation on this connector or its resource group; run the task again in a minute.`,
      ),
      e,
    );
  }
  if (e.status === 409 && e.code === 'ScopeLocked') {
    return withCause(
      new ConflictError(
        `${base} Next: a resource lock forbids writes there; ask its owner to remove the lock (Azure portal → the resource group → Locks), then run again.`,
      ),
      e,
    );
  }
  if (e.status === 409) {
    const other =
      connectorNamedBy(e, context.connectorId) ?? context.otherConnectorId;
    if (other) {
      let where = '';
      try {
        const p = parseSecurityConnectorId(other);
        where = ` (connector ${p.name} in resource group ${p.resourceGroup} of subscription ${p.subscriptionId})`;
      } catch {
        // Not an id we can take apart; the id itself is shown.
      }
      return withCause(
        new ConflictError(
          `${base} ${
            context.organization
              ? `Docker Hub organization ${context.organization}`
              : 'The organization'
          } is already connected by another connector: ${other}${where}. Defender allows one connector per Docker Hub organization, in one subscription. Next: to change that connector, onboard into its subscription, resource group and name; to connect the organization here instead, offboard that connector first (defender:dockerhub:offboard), then run again.`,
        ),
        e,
      );
    }
    return withCause(
      new ConflictError(
        `${base} Next: the write conflicts with the connector's current state in Azure (see the ARM message); fix what it names, then run again.`,
      ),
      e,
    );
  }
  if (e.status === 412) {
    return withCause(
      new ConflictError(
        `${base} Next: the connector changed meanwhile; check who changed it, then run again.`,
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
