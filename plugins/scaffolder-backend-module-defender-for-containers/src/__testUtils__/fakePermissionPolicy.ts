import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

export interface PermissionCall {
  permission: string;
  credentials?: BackstageCredentials;
}

/**
 * A PermissionsService answering from `grants` (user entity ref → permission names it holds) and
 * recording every question, so tests can see which permission an action asked for and for whom.
 * A grant of `'CONDITIONAL'` answers CONDITIONAL to everything, which basic permissions should
 * never get.
 */
export function fakePermissionPolicy(
  grants: Record<string, string[] | 'CONDITIONAL'>,
) {
  const calls: PermissionCall[] = [];
  const decide = (permission: string, credentials?: BackstageCredentials) => {
    const principal = credentials?.principal as
      | { userEntityRef?: string }
      | undefined;
    const granted = grants[principal?.userEntityRef ?? ''];
    if (granted === 'CONDITIONAL') return AuthorizeResult.CONDITIONAL;
    return granted?.includes(permission)
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
  const permissions = {
    async authorize(requests, options) {
      const credentials =
        options && 'credentials' in options ? options.credentials : undefined;
      return requests.map(r => {
        calls.push({ permission: r.permission.name, credentials });
        return { result: decide(r.permission.name, credentials) } as any;
      });
    },
    async authorizeConditional() {
      throw new Error('the actions only ask for basic permissions');
    },
  } as PermissionsService;
  return { permissions, calls };
}
