import type { Entity } from '@backstage/catalog-model';

/**
 * Comma-separated Docker Hub organizations the entity is about.
 * @public
 */
export const ANNOTATION_DOCKERHUB_ORGANIZATION =
  'microsoft.com/defender-dockerhub-organization';

/**
 * Comma-separated Docker Hub repositories (`org/repo`) the entity ships.
 * @public
 */
export const ANNOTATION_DOCKERHUB_REPOSITORY =
  'microsoft.com/defender-dockerhub-repository';

/**
 * Comma-separated ARM ids of Defender security connectors.
 * @public
 */
export const ANNOTATION_CONNECTOR_ID = 'microsoft.com/defender-connector-id';

function listAnnotation(entity: Entity, key: string): string[] {
  const raw = entity.metadata.annotations?.[key] ?? '';
  return [
    ...new Set(
      raw
        .split(',')
        .map(v => v.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * What an entity's Defender annotations point at, normalised: organizations include those of the
 * named repositories, Docker Hub names are lower-cased (Docker Hub names are case-insensitive).
 * @public
 */
export interface DefenderEntityTargets {
  organizations: string[];
  repositories: string[];
  connectorIds: string[];
}

/** @public */
export function getDefenderEntityTargets(
  entity: Entity,
): DefenderEntityTargets {
  const repositories = listAnnotation(entity, ANNOTATION_DOCKERHUB_REPOSITORY)
    .map(r => r.toLowerCase())
    .filter(r => /^[^/]+\/[^/]+$/.test(r));
  const organizations = [
    ...new Set([
      ...listAnnotation(entity, ANNOTATION_DOCKERHUB_ORGANIZATION).map(o =>
        o.toLowerCase(),
      ),
      ...repositories.map(r => r.split('/')[0]),
    ]),
  ];
  return {
    organizations,
    repositories,
    connectorIds: listAnnotation(entity, ANNOTATION_CONNECTOR_ID),
  };
}

/**
 * True when the entity names a Docker Hub organization, repository or connector: the card's filter.
 * @public
 */
export function isDefenderForContainersAvailable(entity: Entity): boolean {
  const t = getDefenderEntityTargets(entity);
  return (
    t.organizations.length > 0 ||
    t.repositories.length > 0 ||
    t.connectorIds.length > 0
  );
}
