/**
 * Outcome of one onboarding pre-flight check: `pass` ✓, `warn` ⚠ (onboarding proceeds),
 * `fail` ✗ (onboarding stops), `skipped` (an earlier check it depends on failed).
 * @public
 */
export type PreflightCheckStatus = 'pass' | 'warn' | 'fail' | 'skipped';

/**
 * One pre-flight check as the `defender:dockerhub:validate` / `onboard` actions output it in
 * `checks`, in a fixed order.
 * @public
 */
export interface PreflightCheck {
  /** Stable id, e.g. `dockerhub.tokenScope` (see `PREFLIGHT_CHECK_IDS`). */
  id: string;
  /** Short human title, e.g. `Docker Hub token scope`. */
  title: string;
  status: PreflightCheckStatus;
  /** What was found. */
  message: string;
  /** What to do next, for `warn` and `fail`. */
  remedy?: string;
}

/**
 * Ids of the pre-flight checks, in the order they are reported.
 * @public
 */
export const PREFLIGHT_CHECK_IDS = [
  'dockerhub.tokenFormat',
  'dockerhub.signIn',
  'dockerhub.tokenScope',
  'dockerhub.identity',
  'dockerhub.membership',
  'dockerhub.repositories',
  'dockerhub.privateRepositoryAccess',
  'dockerhub.readOnly',
  'azure.subscriptionAllowed',
  'azure.credential',
  'azure.providerRegistration',
  'azure.plans',
  'azure.existingConnector',
  'azure.resourceGroupAccess',
] as const;

/** @public */
export type PreflightCheckId = (typeof PREFLIGHT_CHECK_IDS)[number];
