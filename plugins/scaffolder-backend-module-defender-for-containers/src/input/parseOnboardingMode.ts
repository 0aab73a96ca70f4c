import { InputError } from '@backstage/errors';

/**
 * What `defender:dockerhub:onboard` does after a clean pre-flight: `apply` writes the connector
 * to Azure; `code` writes nothing and outputs the connector as Bicep and Terraform, for teams
 * whose Azure changes go through infrastructure as code.
 */
export type OnboardingMode = 'apply' | 'code';

const MODES: readonly OnboardingMode[] = ['apply', 'code'];

/**
 * The `mode` input: absent, `null` or blank (an unset template parameter) is `apply`. Anything
 * else is an `InputError` before any remote call, as for every other input: a mistyped mode
 * must not fall back to writing.
 */
export function parseOnboardingMode(raw: unknown): OnboardingMode {
  if (raw === undefined || raw === null) return 'apply';
  if (typeof raw === 'string') {
    const value = raw.trim();
    if (value === '') return 'apply';
    if ((MODES as readonly string[]).includes(value)) {
      return value as OnboardingMode;
    }
  }
  let shown = `${typeof raw === 'object' ? 'an' : 'a'} ${typeof raw}`;
  if (typeof raw === 'string') shown = `'${raw.slice(0, 20)}'`;
  else if (Array.isArray(raw)) shown = 'a list';
  throw new InputError(
    `mode ${shown} is not valid: expected 'apply' (default: write the connector to Azure) or 'code' (write nothing; output the connector as Bicep and Terraform)`,
  );
}
