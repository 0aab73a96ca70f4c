import {
  ArmError,
  DockerHubError,
} from '@defender-backstage/plugin-defender-for-containers-node';

/** One line for a task log / check message: status, the service's code and message, request ids. */
export function describeError(e: unknown): string {
  if (e instanceof ArmError || e instanceof DockerHubError) return e.message;
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return String(e);
}

/** Throttled or unavailable: worth running again later rather than changing inputs. */
export function isTransient(e: unknown): boolean {
  const status = (e as ArmError | DockerHubError)?.status;
  return (
    status === 0 ||
    status === 429 ||
    (typeof status === 'number' && status >= 500)
  );
}
