/**
 * Defence in depth for text that is stored or shown (refresh errors): ARM errors carry no
 * secrets by design (ArmError), but an upstream message might quote one. Docker Hub PATs and
 * organization tokens, bearer tokens and JWTs are masked; the text is kept short.
 */
export function redactSecrets(message: string, maxLength = 1000): string {
  return message
    .replace(/\bdckr_(?:pat|oat)_[A-Za-z0-9_-]+/g, 'dckr_***')
    .replace(/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer ***')
    .replace(
      /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
      '***jwt***',
    )
    .slice(0, maxLength);
}

/** An error's message, fit to store or log (see `redactSecrets`). */
export function describeError(e: unknown): string {
  return redactSecrets(e instanceof Error ? e.message : String(e));
}
