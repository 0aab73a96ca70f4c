/**
 * Removes `properties.environmentData.authentication.accessToken` from a connector, a list page
 * (`value[]`) or anything else ARM returned. The spec does not mark the token write-only, so the
 * service may echo it; nothing downstream (logs, caches, task outputs, the browser) may see it.
 * Mutates and returns its argument.
 * @public
 */
export function stripConnectorSecrets<T>(body: T): T {
  const strip = (resource: unknown) => {
    const auth = (resource as any)?.properties?.environmentData?.authentication;
    if (auth && typeof auth === 'object' && 'accessToken' in auth) {
      delete auth.accessToken;
    }
  };
  if (body && typeof body === 'object') {
    strip(body);
    const value = (body as any).value;
    if (Array.isArray(value)) value.forEach(strip);
  }
  return body;
}
