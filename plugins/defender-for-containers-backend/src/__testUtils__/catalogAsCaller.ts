import type { Entity } from '@backstage/catalog-model';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CONNECTOR_PROVIDER_NAME,
  connectorToEntity,
} from '../catalog/connectorToEntity';

type Options = { credentials?: { principal?: any } } | undefined;

/**
 * An in-memory catalog that answers each caller what `mayRead` lets them read — as the real
 * catalog applies its permission rules — on the three reads the plugin makes. Every call is
 * counted by method.
 */
export function catalogAsCaller(
  entities: Entity[],
  mayRead: (user: string | undefined, entity: Entity) => boolean,
) {
  const inner = catalogServiceMock({ entities });
  const byRef = new Map(
    entities.map(e => [stringifyEntityRef(e).toLowerCase(), e]),
  );
  const userOf = (options: Options) =>
    options?.credentials?.principal?.userEntityRef as string | undefined;
  const calls = { getEntityByRef: 0, getEntitiesByRefs: 0, getEntities: 0 };
  const mock = catalogServiceMock.mock({
    getEntityByRef: async (ref: any, options: any) => {
      calls.getEntityByRef++;
      const entity = await inner.getEntityByRef(ref, options);
      return entity && mayRead(userOf(options), entity) ? entity : undefined;
    },
    getEntitiesByRefs: async (request: any, options: any) => {
      calls.getEntitiesByRefs++;
      const { items } = await inner.getEntitiesByRefs(request, options);
      return {
        items: items.map((item, i) => {
          const full = byRef.get(request.entityRefs[i].toLowerCase());
          return full && mayRead(userOf(options), full) ? item : undefined;
        }),
      };
    },
    getEntities: async (request: any, options: any) => {
      calls.getEntities++;
      const all = await inner.getEntities({ ...request, fields: undefined });
      const readable = new Set(
        all.items
          .filter(e => mayRead(userOf(options), e))
          .map(e => stringifyEntityRef(e)),
      );
      const { items } = await inner.getEntities(request, options);
      return {
        items: items.filter((_, i) =>
          readable.has(stringifyEntityRef(all.items[i])),
        ),
      };
    },
  });
  return { mock, calls };
}

/** The Resource entity the connector provider makes of a connector (its real mapping). */
export function providedConnectorResource(
  id: string,
  organization: string,
  owner = 'group:default/team',
): Entity {
  const parts = id.split('/');
  return connectorToEntity(
    {
      id,
      name: parts[8],
      subscriptionId: parts[2],
      resourceGroup: parts[4],
      organization,
      tags: {},
      offerings: [],
    },
    { owner, providerName: CONNECTOR_PROVIDER_NAME },
  );
}
