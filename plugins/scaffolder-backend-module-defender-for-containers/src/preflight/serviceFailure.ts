import { ArmError } from '@defender-backstage/plugin-defender-for-containers-node';
import { describeError, isTransient } from '../errors/describeError';
import type { CheckOutcome } from './PreflightRecorder';

type Service = 'Azure' | 'Docker Hub';

const WHEN_NOT_TRANSIENT: Record<Service, string> = {
  Azure: 'see the error code above; run again once it is fixed.',
  'Docker Hub': 'check the Docker Hub status and the inputs, then run again.',
};

/**
 * A check that failed because the service did, not the inputs: `serviceError` makes the task fail
 * as unavailable rather than blame the user (see `PreflightRecorder.onlyUserFailures`).
 */
export function serviceFailure(
  service: Service,
  e: unknown,
  what: string,
): CheckOutcome {
  return {
    status: 'fail',
    message: `${what}: ${describeError(e)}`,
    remedy: isTransient(e)
      ? `${service} is throttling or unavailable; run again in a few minutes.`
      : WHEN_NOT_TRANSIENT[service],
    serviceError: true,
  };
}

/**
 * A failed ARM read. A 403 means Backstage's identity may not read this: the check cannot
 * decide, so it warns with `remedy` instead of failing.
 */
export function armReadFailure(
  e: unknown,
  what: string,
  remedy: string,
): CheckOutcome {
  if (e instanceof ArmError && e.status === 403) {
    return {
      status: 'warn',
      message: `not verifiable: ${describeError(e)}`,
      remedy,
    };
  }
  return serviceFailure('Azure', e, what);
}
