import type { Entity } from '@backstage/catalog-model';

/*
 * Groups, systems and the relations the catalog's processors would stitch onto entities
 * (ownedBy, childOf, partOf): an in-memory catalog filters on `relations.*` as the real one does,
 * but nothing processes the entities, so tests spell the relations out.
 */

/** A Group in the default namespace, optionally a child of `parent` (a group name). */
export function groupEntity(name: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

/** A System in the default namespace. */
export function systemEntity(name: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name, namespace: 'default' },
    spec: { owner: 'group:default/payments' },
  };
}

/** `entity` owned by the group `group` (a name), and part of `system` when given. */
export function ownedBy(
  entity: Entity,
  group: string,
  system?: string,
): Entity {
  return {
    ...entity,
    spec: {
      ...entity.spec,
      owner: `group:default/${group}`,
      ...(system ? { system } : {}),
    },
    relations: [
      ...(entity.relations ?? []),
      { type: 'ownedBy', targetRef: `group:default/${group}` },
      ...(system
        ? [{ type: 'partOf', targetRef: `system:default/${system}` }]
        : []),
    ],
  };
}
