import type { Entity } from '@backstage/catalog-model';

/** A Component in the default namespace, with these annotations (spelled out by each test). */
export function componentEntity(
  name: string,
  annotations: Record<string, string>,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {},
  };
}
