/**
 * `text` with every occurrence of each secret replaced by `***`, also as it appears inside JSON
 * (escaped), for error text built from an answer to a request that carried the secret.
 */
export function scrubSecrets(
  text: string,
  secrets: Array<string | undefined>,
): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      out = out.split(form).join('***');
    }
  }
  return out;
}
