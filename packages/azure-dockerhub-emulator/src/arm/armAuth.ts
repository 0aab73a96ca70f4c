import { RequestContext } from '../server/RequestContext';
import { PrincipalState } from '../state/EmulatorState';
import { JwtClaims, verifyJwt } from '../util/jwt';
import { armError } from './armErrors';

/** Audiences ARM accepts (its InvalidAuthenticationTokenAudience message lists these four). */
export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com',
];

export const WRITE_ROLES = new Set(['Security Admin', 'Contributor', 'Owner']);

function challenge(ctx: RequestContext, description: string) {
  return {
    'WWW-Authenticate': `Bearer authorization_uri="${ctx.core.url}/${ctx.core.state.tenantId}", error="invalid_token", error_description="${description}"`,
  };
}

function armTime(ms: number): string {
  // ARM prints times as .NET's invariant 'M/d/yyyy h:mm:ss tt'.
  const d = new Date(ms);
  const h = d.getUTCHours();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${
    h % 12 || 12
  }:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${
    h < 12 ? 'AM' : 'PM'
  }`;
}

/** The calling principal, or undefined after answering 401 the way ARM does. */
export async function authenticateArm(
  ctx: RequestContext,
): Promise<PrincipalState | undefined> {
  const header = ctx.req.headers.authorization;
  if (!header) {
    await armError(
      ctx,
      401,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is missing.",
      {
        headers: challenge(
          ctx,
          "The authentication failed because of missing 'Authorization' header.",
        ),
      },
    );
    return undefined;
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) {
    await armError(
      ctx,
      401,
      'AuthenticationFailed',
      "Authentication failed. The 'Authorization' header is provided in an invalid format.",
      {
        headers: challenge(
          ctx,
          "The authentication failed because of an invalid 'Authorization' header.",
        ),
      },
    );
    return undefined;
  }
  const token = match[1];
  let claims: JwtClaims | undefined = ctx.core.verifiedTokens.get(token);
  if (!claims) {
    claims = verifyJwt(token, ctx.core.entraKey);
    if (claims) ctx.core.verifiedTokens.set(token, claims);
  }
  const invalid = async () => {
    await armError(
      ctx,
      401,
      'InvalidAuthenticationToken',
      'The access token is invalid.',
      {
        headers: challenge(ctx, 'The access token is invalid.'),
      },
    );
    return undefined;
  };
  if (!claims) return invalid();
  if (!ARM_AUDIENCES.includes(String(claims.aud))) {
    await armError(
      ctx,
      401,
      'InvalidAuthenticationTokenAudience',
      `The access token has been obtained for wrong audience or resource '${
        claims.aud
      }'. It should exactly match with one of the allowed audiences ${ARM_AUDIENCES.map(
        a => `'${a}'`,
      ).join(',')}.`,
      {
        headers: challenge(
          ctx,
          'The access token has been obtained for wrong audience or resource.',
        ),
      },
    );
    return undefined;
  }
  const now = ctx.core.now();
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) {
    await armError(
      ctx,
      401,
      'ExpiredAuthenticationToken',
      `The access token expiry UTC time '${armTime(
        Number(claims.exp) * 1000,
      )}' is earlier than current UTC time '${armTime(now)}'.`,
      {
        headers: challenge(
          ctx,
          'The access token expiry UTC time is earlier than current UTC time.',
        ),
      },
    );
    return undefined;
  }
  if (
    String(claims.tid).toLowerCase() !== ctx.core.state.tenantId.toLowerCase()
  ) {
    await armError(
      ctx,
      401,
      'InvalidAuthenticationTokenTenant',
      `The access token is from the wrong issuer 'https://sts.windows.net/${claims.tid}/'. It must match the tenant 'https://sts.windows.net/${ctx.core.state.tenantId}/' associated with this subscription.`,
      { headers: challenge(ctx, 'The access token is from the wrong issuer.') },
    );
    return undefined;
  }
  const principal = ctx.core.state.principals.find(
    p => p.clientId === claims!.appid,
  );
  return principal ?? invalid();
}

export function canRead(
  principal: PrincipalState,
  subscriptionId: string,
): boolean {
  return principal.roles.has(subscriptionId.toLowerCase());
}

export function canWrite(
  principal: PrincipalState,
  subscriptionId: string,
): boolean {
  return WRITE_ROLES.has(
    principal.roles.get(subscriptionId.toLowerCase()) ?? '',
  );
}

/** 403 in ARM's wording (https://learn.microsoft.com/azure/role-based-access-control/troubleshooting). */
export function authorizationFailed(
  ctx: RequestContext,
  principal: PrincipalState,
  action: string,
  scope: string,
) {
  return armError(
    ctx,
    403,
    'AuthorizationFailed',
    `The client '${principal.clientId}' with object id '${principal.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
  );
}
