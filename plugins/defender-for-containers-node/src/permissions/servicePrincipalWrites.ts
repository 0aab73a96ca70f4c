import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { NotAllowedError } from '@backstage/errors';
import {
  connectorCreatePermission,
  connectorDeletePermission,
  connectorRefreshPermission,
} from '@defender-backstage/plugin-defender-for-containers-common';

/**
 * The config key listing the service principals (by subject) that may create, delete and
 * refresh connectors.
 * @public
 */
export const SERVICE_PRINCIPALS_CONFIG_KEY =
  'defenderForContainers.permissions.servicePrincipals';

/** The permissions that change connectors (or make Azure work): create, delete, refresh. */
const WRITE_PERMISSIONS: ReadonlySet<string> = new Set([
  connectorCreatePermission.name,
  connectorDeletePermission.name,
  connectorRefreshPermission.name,
]);

/**
 * The subjects of the service principals allowed to create, delete and refresh connectors:
 * `defenderForContainers.permissions.servicePrincipals`, empty when unset.
 * @public
 */
export function readServicePrincipalWriters(config: Config): string[] {
  return config.getOptionalStringArray(SERVICE_PRINCIPALS_CONFIG_KEY) ?? [];
}

/**
 * Throws a `NotAllowedError` when `credentials` are a service principal not listed in
 * `servicePrincipals` and `permission` (any one of several) is a write: connector create, delete
 * or refresh. Users and other permissions pass; the permission policy decides about them.
 *
 * Backstage's permission service allows a service principal everything its token's
 * `accessRestrictions` allow, without asking the policy, so an external access token without
 * restrictions (or a scaffolder task it started) would otherwise write connectors. Every
 * permission check of the backend plugin and the scaffolder actions calls this once the policy
 * has allowed.
 * @public
 */
export function assertServicePrincipalMayWrite(
  credentials: BackstageCredentials,
  permission: { name: string } | ReadonlyArray<{ name: string }>,
  servicePrincipals: readonly string[],
): void {
  const principal = credentials.principal as {
    type?: string;
    subject?: string;
  };
  if (principal.type !== 'service') return;
  const writes = [permission]
    .flat()
    .map(p => p.name)
    .filter(name => WRITE_PERMISSIONS.has(name));
  if (writes.length === 0) return;
  const subject = principal.subject;
  if (subject && servicePrincipals.includes(subject)) return;
  const who = subject ?? '(without a subject)';
  throw new NotAllowedError(
    `The service principal ${who} may not use ${writes.join(
      ' or ',
    )}: Backstage grants service principals their permissions without asking the permission policy, so Defender for Containers lets a service create, delete or refresh connectors only when ${SERVICE_PRINCIPALS_CONFIG_KEY} lists its subject. Ask your Backstage administrators to add ${
      subject ? `'${subject}'` : 'it'
    } there (and to give its token accessRestrictions).`,
  );
}
