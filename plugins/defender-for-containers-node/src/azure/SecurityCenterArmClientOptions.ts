import type { TokenCredential } from '@azure/core-auth';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type { DefenderForContainersConfig } from '../config/DefenderForContainersConfig';
import type { DefenderTlsTrust } from '../config/createDefenderTlsTrust';
import type { ArmApiVersions } from './ArmApiVersions';

/** @public */
export interface SecurityCenterArmClientOptions {
  config: DefenderForContainersConfig;
  credential: TokenCredential;
  logger?: LoggerService;
  /** Trusted for ARM (`createDefenderTlsTrust`, or `defenderTlsTrustServiceRef` in a backend). */
  trust?: DefenderTlsTrust;
  /**
   * CA list from `loadTrustedCertificates`, re-parsed for every new connection.
   * @deprecated Use `trust`; ignored when `trust` is given.
   */
  ca?: string[];
  /** Pipeline retry options (429/503 honour Retry-After). Default: 3 retries. */
  retryOptions?: {
    maxRetries?: number;
    retryDelayInMs?: number;
    maxRetryDelayInMs?: number;
  };
  /** Per-attempt timeout. Default 30 s (ARM itself gives up on an RP after 60 s). */
  timeoutMs?: number;
  apiVersions?: Partial<ArmApiVersions>;
}
