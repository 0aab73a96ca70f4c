import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { ArmError } from '@defender-backstage/plugin-defender-for-containers-node';
import { armFailure } from './armFailure';

const OTHER =
  '/subscriptions/00000000-0000-0000-0000-000000000002/resourceGroups/rg-sec/providers/Microsoft.Security/securityConnectors/acme-elsewhere';
const arm = (status: number, code: string, armMessage: string) =>
  new ArmError({
    operation: 'PUT securityConnectors/dockerhub-acme',
    status,
    code,
    armMessage,
    requestId: 'req-1',
    correlationRequestId: 'corr-1',
  });
const failure = (e: unknown, context = {}) =>
  armFailure('Writing connector dockerhub-acme', e, context);

describe('armFailure', () => {
  it.each([
    ['AnotherOperationInProgress', 'Another operation is in progress.'],
    [
      'RetryableErrorDueToAnotherOperation',
      'Operation cannot be completed right now.',
    ],
    ['Conflict', 'An operation is already in progress on the resource.'],
  ])('409 %s is transient: run again in a minute', (code, message) => {
    const e = failure(arm(409, code, message));
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.message).toContain('run the task again in a minute');
    expect(e.message).toContain('x-ms-request-id req-1');
    expect(e.message).not.toContain('already connected');
  });

  it('409 naming the connector that already connects the organization: names it and says how to resolve it', () => {
    const e = failure(
      arm(
        409,
        'Conflict',
        `Docker Hub organization 'acme' is already connected by security connector '${OTHER}'. Each Docker Hub organization can be onboarded by one security connector only.`,
      ),
      { organization: 'acme' },
    );
    expect(e).toBeInstanceOf(ConflictError);
    expect(e.message).toContain(
      `Docker Hub organization acme is already connected by another connector: ${OTHER} (connector acme-elsewhere in resource group rg-sec of subscription 00000000-0000-0000-0000-000000000002)`,
    );
    expect(e.message).toContain('offboard that connector first');
    expect(e.message).toContain('x-ms-correlation-request-id corr-1');
    expect(e.message).not.toContain('in a minute');
  });

  it('409 without a connector id in the message uses the one found by lookup', () => {
    const e = failure(arm(409, 'Conflict', 'The organization is taken.'), {
      organization: 'acme',
      otherConnectorId: OTHER,
    });
    expect(e.message).toContain(
      `already connected by another connector: ${OTHER}`,
    );
  });

  it('a 409 quoting only the connector being written does not call it another connector', () => {
    const own = OTHER.replace('acme-elsewhere', 'dockerhub-acme');
    const e = failure(
      arm(
        409,
        'Conflict',
        `The request conflicts with the current state of '${own}'.`,
      ),
      { organization: 'acme', connectorId: own },
    );
    expect(e.message).not.toContain('already connected');
    expect(e.message).toContain('fix what it names');
  });

  it('other 409s: a lock, or an unknown conflict, say so', () => {
    expect(
      failure(arm(409, 'ScopeLocked', 'The scope is locked.')).message,
    ).toContain('remove the lock');
    const unknown = failure(arm(409, 'Conflict', 'Something conflicts.'));
    expect(unknown).toBeInstanceOf(ConflictError);
    expect(unknown.message).toContain('fix what it names');
    expect(unknown.message).not.toContain('in a minute');
  });

  it('404 ResourceGroupNotFound / SubscriptionNotFound: NotFoundError telling what to check', () => {
    for (const code of ['ResourceGroupNotFound', 'SubscriptionNotFound']) {
      const e = failure(arm(404, code, 'not found'));
      expect(e).toBeInstanceOf(NotFoundError);
      expect(e.message).toContain(
        'check subscriptionId, resourceGroup and connectorId',
      );
    }
  });

  it('keeps the status classes of the other failures', () => {
    expect(failure(arm(503, 'ServiceUnavailable', 'x'))).toBeInstanceOf(
      ServiceUnavailableError,
    );
    expect(failure(arm(400, 'InvalidRequestContent', 'x'))).toBeInstanceOf(
      InputError,
    );
  });

  it('passes an explained ConflictError through unchanged', () => {
    const explained = new ConflictError('changed meanwhile; here is what');
    expect(failure(explained)).toBe(explained);
  });
});
