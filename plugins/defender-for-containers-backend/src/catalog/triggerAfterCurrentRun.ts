import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { backOff } from 'exponential-backoff';

/**
 * Asks for one more run of a global scheduled task that starts after this call. The scheduler
 * refuses a trigger while the task runs (on any replica; `ConflictError`), and that run may have
 * read Azure before the change being announced, so we ask again until a new run is queued.
 * Full catalog mutations thus stay one at a time across replicas, the last one from the latest
 * listing.
 */
export async function triggerAfterCurrentRun(options: {
  scheduler: SchedulerService;
  taskId: string;
  logger: LoggerService;
  /** How long to keep asking: the task's timeout. */
  maxWaitMs: number;
}): Promise<void> {
  const { scheduler, taskId, logger, maxWaitMs } = options;
  const started = Date.now();
  try {
    await backOff(() => scheduler.triggerTask(taskId), {
      startingDelay: 250,
      maxDelay: 5_000,
      numOfAttempts: Number.MAX_SAFE_INTEGER,
      retry: e =>
        (e as Error)?.name === 'ConflictError' &&
        Date.now() - started < maxWaitMs,
    });
  } catch (e) {
    logger.warn(
      `Could not start the Defender connector entities refresh now; the next scheduled one reads the change: ${e}`,
    );
  }
}
