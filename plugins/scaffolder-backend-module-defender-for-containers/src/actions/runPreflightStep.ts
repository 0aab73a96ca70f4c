import type { LoggerService } from '@backstage/backend-plugin-api';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import {
  runPreflight,
  type PreflightDeps,
  type PreflightResult,
} from '../preflight/runPreflight';

/** What of an action's context the pre-flight step uses. */
export interface PreflightStepContext {
  logger: LoggerService;
  signal?: AbortSignal;
  output(name: 'checks' | 'warnings' | 'repositories', value: unknown): void;
}

/**
 * The pre-flight as validate and onboard both run it: every check, logged to the task, then the
 * outputs they share (`checks`, `warnings` and, once Docker Hub listed them, `repositories`).
 * Does not throw for a failed check: each action calls `throwIfFailed` where it stops.
 */
export async function runPreflightStep(
  ctx: PreflightStepContext,
  deps: PreflightDeps,
  input: OnboardingInput,
): Promise<PreflightResult> {
  const result = await runPreflight(deps, input, ctx.logger, ctx.signal);
  ctx.output('checks', result.checks);
  ctx.output('warnings', result.warnings);
  if (result.dockerHub.repositories) {
    ctx.output('repositories', result.dockerHub.repositories);
  }
  return result;
}
