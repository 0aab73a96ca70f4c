import type { LoggerService } from '@backstage/backend-plugin-api';
import { InputError, ServiceUnavailableError } from '@backstage/errors';
import type { PreflightCheck } from '@defender-backstage/plugin-defender-for-containers-common';
import type {
  DefenderArmClient,
  DockerHubClient,
} from '@defender-backstage/plugin-defender-for-containers-node';
import type { AllowedSubscription } from '@defender-backstage/plugin-defender-for-containers-common';
import type { OnboardingInput } from '../input/parseOnboardingInput';
import { azurePreflight, type AzureFacts } from './azurePreflight';
import { dockerHubPreflight, type DockerHubFacts } from './dockerHubPreflight';
import { PreflightRecorder } from './PreflightRecorder';

/** Clients and config the pre-flight needs. */
export interface PreflightDeps {
  arm: DefenderArmClient;
  dockerHub: DockerHubClient;
  subscriptions: AllowedSubscription[];
  /** Pass unproven read-only credentials with a warning instead of refusing them (config opt-out). */
  allowUnprovenReadOnly?: boolean;
}

export interface PreflightResult {
  checks: PreflightCheck[];
  ok: boolean;
  warnings: string[];
  dockerHub: DockerHubFacts;
  azure: AzureFacts;
  /** Throws the error that stops the task when a check failed; a no-op otherwise. */
  throwIfFailed(): void;
}

/**
 * All pre-flight checks: the Docker Hub and Azure chains run concurrently (they share nothing),
 * and inside each, independent calls run concurrently too.
 */
export async function runPreflight(
  deps: PreflightDeps,
  input: OnboardingInput,
  logger: LoggerService,
  signal?: AbortSignal,
): Promise<PreflightResult> {
  const recorder = new PreflightRecorder(logger);
  const [dockerHub, azure] = await Promise.all([
    dockerHubPreflight(deps.dockerHub, input, recorder, signal, {
      allowUnprovenReadOnly: deps.allowUnprovenReadOnly,
    }),
    azurePreflight(deps.arm, input, deps.subscriptions, recorder, signal),
  ]);
  const failed = recorder.failed;
  return {
    checks: recorder.checks,
    ok: failed.length === 0,
    warnings: recorder.warnings.map(c => `${c.title}: ${c.message}`),
    dockerHub,
    azure,
    throwIfFailed() {
      if (failed.length === 0) return;
      const lines = failed.map(
        c =>
          `✗ ${c.title}: ${c.message}${c.remedy ? ` Next: ${c.remedy}` : ''}`,
      );
      const message = `Pre-flight failed (${failed.length} of ${
        recorder.checks.length
      } checks); nothing was written to Azure.\n${lines.join('\n')}`;
      throw recorder.onlyUserFailures
        ? new InputError(message)
        : new ServiceUnavailableError(message);
    },
  };
}
