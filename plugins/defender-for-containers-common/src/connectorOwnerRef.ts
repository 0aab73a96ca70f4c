import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/** The catalog's rules for a kind and for namespaces and names (at most 63 characters). */
const KIND = /^[a-z][a-z0-9]{0,62}$/i;
const NAME = /^[a-z0-9]([-_.a-z0-9]{0,61}[a-z0-9])?$/i;

/**
 * A connector's owner as a full, lower-case entity ref (`group:default/team-a`), read from its
 * Azure tag `backstage-owner` (`CONNECTOR_TAG_OWNER`). Tags may be edited by hand in the Azure
 * portal, so anything that is not an entity ref gives `undefined` rather than an owner that
 * links nowhere; a bare name means a group in the default namespace, as the catalog reads
 * `spec.owner`. One form everywhere lets `GET /connectors?owner=` compare refs exactly.
 * @public
 */
export function connectorOwnerRef(
  tag: string | undefined | null,
): string | undefined {
  if (typeof tag !== 'string' || !tag.trim() || tag.length > 255) {
    return undefined;
  }
  try {
    const ref = parseEntityRef(tag.trim(), {
      defaultKind: 'group',
      defaultNamespace: 'default',
    });
    if (
      !KIND.test(ref.kind) ||
      !NAME.test(ref.namespace) ||
      !NAME.test(ref.name)
    ) {
      return undefined;
    }
    return stringifyEntityRef(ref).toLowerCase();
  } catch {
    return undefined;
  }
}
