import { CustomErrorBase } from '@backstage/errors';

/**
 * A failed Docker Hub or registry token service call: status, Docker's own message/detail and,
 * for 429, how long Docker asked us to wait. Never carries the access token or the Hub JWT.
 * @public
 */
export class DockerHubError extends CustomErrorBase {
  name = 'DockerHubError' as const;
  /** HTTP status, or 0 when no response arrived (timeout, reset). */
  readonly status: number;
  /** Docker's `message` / `detail` / `details` text. */
  readonly detail?: string;
  /** Seconds Docker asked to wait (429), if it said. */
  readonly retryAfterSeconds?: number;
  /** What the call was, e.g. `GET /v2/user/orgs`. */
  readonly operation: string;

  constructor(details: {
    operation: string;
    status: number;
    detail?: string;
    retryAfterSeconds?: number;
    reason?: string;
  }) {
    const what = details.status ? `${details.status}` : 'no response';
    super(
      `Docker Hub ${details.operation} failed: ${what}${
        details.detail ? `: ${details.detail}` : ''
      }${details.reason ? ` (${details.reason})` : ''}${
        details.retryAfterSeconds !== undefined
          ? `; retry after ${details.retryAfterSeconds}s`
          : ''
      }`,
    );
    this.operation = details.operation;
    this.status = details.status;
    this.detail = details.detail;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
