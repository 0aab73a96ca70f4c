import type { UserInfoService } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { connectorReadPermission } from '@defender-backstage/plugin-defender-for-containers-common';

/** Where the writers are configured; documented in this package's config.d.ts. */
export const WRITERS_CONFIG_KEY = 'permission.defenderForContainers.writers';

// By prefix rather than by the list of today's permissions, so a permission added to the plugins
// later is closed to non-writers until the policy says otherwise.
const DEFENDER_PREFIX = 'defender-for-containers.';

const normalize = (ref: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');

/**
 * This Backstage's permission policy: every signed-in user may read Defender connectors; only
 * members of the configured writer groups (or the users listed there) may create, update,
 * refresh or delete them. Every permission of other plugins is allowed, as the allow-all policy
 * this replaces did.
 */
export class DefenderPermissionPolicy implements PermissionPolicy {
  static fromConfig(
    config: Config,
    userInfo: UserInfoService,
  ): DefenderPermissionPolicy {
    return new DefenderPermissionPolicy(
      config.getOptionalStringArray(WRITERS_CONFIG_KEY) ?? [],
      userInfo,
    );
  }

  readonly writers: ReadonlySet<string>;

  /** @param writers - entity refs; a bare name means a group in the default namespace. */
  constructor(writers: string[], private readonly userInfo: UserInfoService) {
    this.writers = new Set(writers.map(normalize));
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!request.permission.name.startsWith(DEFENDER_PREFIX)) {
      return { result: AuthorizeResult.ALLOW };
    }
    // The permission backend calls the policy without a user only for unauthenticated callers
    // (service principals are decided before the policy).
    if (!user) {
      return { result: AuthorizeResult.DENY };
    }
    if (isPermission(request.permission, connectorReadPermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    // The user's entity ref and the groups it is a member of, as resolved at sign-in. (The
    // policy's own `user.info` carries the same, but is deprecated in favour of this service.)
    const { ownershipEntityRefs } = await this.userInfo.getUserInfo(
      user.credentials,
    );
    const owned = ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
    return {
      result: owned.some(r => this.writers.has(r))
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    };
  }
}
