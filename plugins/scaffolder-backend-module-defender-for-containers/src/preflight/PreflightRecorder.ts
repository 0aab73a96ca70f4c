import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  PREFLIGHT_CHECK_IDS,
  type PreflightCheck,
  type PreflightCheckId,
  type PreflightCheckStatus,
} from '@defender-backstage/plugin-defender-for-containers-common';

const TITLES: Record<PreflightCheckId, string> = {
  'dockerhub.tokenFormat': 'Docker Hub token format',
  'dockerhub.signIn': 'Docker Hub sign-in',
  'dockerhub.tokenScope': 'Docker Hub token scope',
  'dockerhub.identity': 'Docker Hub user',
  'dockerhub.membership': 'Docker Hub organization membership',
  'dockerhub.repositories': 'Docker Hub repositories',
  'dockerhub.privateRepositoryAccess': 'Private repository access',
  'dockerhub.readOnly': 'Read-only token (registry push probe)',
  'azure.subscriptionAllowed': 'Azure subscription allowed',
  'azure.credential': 'Azure credential',
  'azure.providerRegistration': 'Microsoft.Security provider',
  'azure.plans': 'Defender plans on the subscription',
  'azure.existingConnector': 'Existing Docker Hub connector',
  'azure.resourceGroupAccess': 'Resource group write access',
};

const SYMBOL: Record<PreflightCheckStatus, string> = {
  pass: '✓',
  warn: '⚠',
  fail: '✗',
  skipped: '–',
};

/** A check result before it is titled; `serviceError` marks failures caused by Azure/Docker, not the user. */
export interface CheckOutcome {
  status: PreflightCheckStatus;
  message: string;
  remedy?: string;
  serviceError?: boolean;
}

/**
 * Collects check results as they complete, writing each as one task log line (✓ ⚠ ✗), and
 * returns them in the fixed `PREFLIGHT_CHECK_IDS` order for the `checks` output.
 */
export class PreflightRecorder {
  private readonly results = new Map<PreflightCheckId, PreflightCheck>();
  private readonly serviceFailures = new Set<PreflightCheckId>();

  constructor(private readonly logger: LoggerService) {}

  record(id: PreflightCheckId, outcome: CheckOutcome): CheckOutcome {
    const check: PreflightCheck = {
      id,
      title: TITLES[id],
      status: outcome.status,
      message: outcome.message,
      ...(outcome.remedy ? { remedy: outcome.remedy } : {}),
    };
    this.results.set(id, check);
    if (outcome.status === 'fail' && outcome.serviceError) {
      this.serviceFailures.add(id);
    }
    const line = `${SYMBOL[check.status]} ${check.title}: ${check.message}${
      check.remedy ? ` Next: ${check.remedy}` : ''
    }`;
    if (check.status === 'fail') this.logger.error(line);
    else if (check.status === 'warn') this.logger.warn(line);
    else this.logger.info(line);
    return outcome;
  }

  skip(ids: PreflightCheckId[], because: string) {
    for (const id of ids) {
      if (!this.results.has(id)) {
        this.record(id, { status: 'skipped', message: `not run: ${because}` });
      }
    }
  }

  get checks(): PreflightCheck[] {
    return PREFLIGHT_CHECK_IDS.flatMap(id => {
      const c = this.results.get(id);
      return c ? [c] : [];
    });
  }

  get failed(): PreflightCheck[] {
    return this.checks.filter(c => c.status === 'fail');
  }

  get warnings(): PreflightCheck[] {
    return this.checks.filter(c => c.status === 'warn');
  }

  /** True when every failure is the user's to fix (vs. an Azure / Docker Hub outage). */
  get onlyUserFailures(): boolean {
    return this.serviceFailures.size === 0;
  }
}
