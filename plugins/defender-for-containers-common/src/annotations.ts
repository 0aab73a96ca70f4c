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

/**
 * True when the entity carries any Defender annotation with a non-blank value: the card's filter.
 * Malformed values count too, so the card is shown and can say what to fix
 * (`readDefenderAnnotations`).
 * @public
 */
export function isDefenderForContainersAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [
    ANNOTATION_DOCKERHUB_ORGANIZATION,
    ANNOTATION_DOCKERHUB_REPOSITORY,
    ANNOTATION_CONNECTOR_ID,
  ].some(key => (annotations[key] ?? '').replace(/[\s,]/g, '') !== '');
}
