import { createHmac, timingSafeEqual } from 'node:crypto';

export type JwtClaims = Record<string, unknown> & { exp?: number };

const encode = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

/** HS256 with a per-run key: clients only decode these tokens, the emulator verifies them. */
export function signJwt(
  claims: JwtClaims,
  key: Buffer,
  kid = 'emulator',
): string {
  const head = encode({ typ: 'JWT', alg: 'HS256', kid });
  const body = encode(claims);
  const sig = createHmac('sha256', key)
    .update(`${head}.${body}`)
    .digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** The claims when the signature is ours, otherwise undefined (expiry is the caller's business). */
export function verifyJwt(token: string, key: Buffer): JwtClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', key)
    .update(`${parts[0]}.${parts[1]}`)
    .digest();
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return undefined;
  try {
    const claims = JSON.parse(
      Buffer.from(parts[1], 'base64url').toString('utf8'),
    );
    return claims && typeof claims === 'object' ? claims : undefined;
  } catch {
    return undefined;
  }
}

export function decodeJwtPayload(token: string): JwtClaims {
  return JSON.parse(
    Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
}
