import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_DOCKERHUB_ORGANIZATION,
  CONNECTOR_ENTITY_TYPE,
  connectorEntityName,
  connectorEntityRef,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { CONNECTOR_PROVIDER_NAME } from '../catalog/connectorToEntity';

/**
 * `defenderForContainers.health.readScope`: `connector-entity` shows a connector's health and
 * findings only to whoever may read its catalog Resource entity; `all` to whoever has
 * `connector.read`.
 * @public
 */
export type HealthReadScope = 'connector-entity' | 'all';

/** Which organizations' connector data a caller may see. */
export interface ConnectorReadScope {
  /** Of `organizations` (lower case), those the caller may see. */
  readable(
    organizations: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>>;
  /** Every organization the caller may see (lower case), or undefined when that is all of them. */
  everyReadable(
    credentials: BackstageCredentials,
  ): Promise<string[] | undefined>;
}

/** `all`: `connector.read` is enough. */
export const unscopedConnectorReads: ConnectorReadScope = {
  async readable(organizations) {
    return new Set(organizations);
  },
  async everyReadable() {
    return undefined;
  },
};

/**
 * The organization whose connector this entity is, when the connector provider made it. A
 * Resource registered by hand under the same name (before the provider's) is not: the catalog
 * sets `backstage.io/managed-by-location` from where an entity really came from, and only the
 * provider's entities carry its name there.
 */
function providedOrganization(entity: Entity | undefined): string | undefined {
  const annotations = entity?.metadata.annotations ?? {};
  const location = annotations['backstage.io/managed-by-location'] ?? '';
  const organization = annotations[ANNOTATION_DOCKERHUB_ORGANIZATION];
  if (!organization || !location.startsWith(`${CONNECTOR_PROVIDER_NAME}:`)) {
    return undefined;
  }
  const org = organization.toLowerCase();
  return entity?.metadata.name === connectorEntityName(org) ? org : undefined;
}

const FIELDS = ['kind', 'metadata.name', 'metadata.annotations'];

/**
 * `connector-entity`: the catalog decides, read as the caller, so its permission rules and
 * ownership scope the Defender data per team. One catalog request per answer.
 */
export class CatalogConnectorReadScope implements ConnectorReadScope {
  constructor(private readonly catalog: CatalogService) {}

  async readable(
    organizations: string[],
    credentials: BackstageCredentials,
  ): Promise<Set<string>> {
    const orgs = [...new Set(organizations)];
    if (orgs.length === 0) return new Set();
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: orgs.map(connectorEntityRef), fields: FIELDS },
      { credentials },
    );
    return new Set(
      items
        .map(entity => providedOrganization(entity ?? undefined))
        .filter((org): org is string => org !== undefined),
    );
  }

  async everyReadable(credentials: BackstageCredentials): Promise<string[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'Resource',
          'metadata.namespace': 'default',
          'spec.type': CONNECTOR_ENTITY_TYPE,
        },
        fields: FIELDS,
      },
      { credentials },
    );
    return [
      ...new Set(
        items
          .map(providedOrganization)
          .filter((org): org is string => org !== undefined),
      ),
    ];
  }
}
