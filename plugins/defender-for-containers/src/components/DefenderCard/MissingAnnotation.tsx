import { Text } from '@backstage/ui';
import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_CONNECTOR_ID,
  ANNOTATION_DOCKERHUB_ORGANIZATION,
  ANNOTATION_DOCKERHUB_REPOSITORY,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { CodeBlock } from './CodeBlock';

/** The entity's own descriptor head with the annotation to add, ready to copy. */
export function annotationSnippet(
  entity: Entity,
  comments: { repositories: string; organizations: string },
): string {
  return [
    `apiVersion: ${entity.apiVersion}`,
    `kind: ${entity.kind}`,
    'metadata:',
    `  name: ${entity.metadata.name}`,
    '  annotations:',
    `    # ${comments.repositories}`,
    `    ${ANNOTATION_DOCKERHUB_REPOSITORY}: <org>/<repo>`,
    `    # ${comments.organizations}`,
    `    # ${ANNOTATION_DOCKERHUB_ORGANIZATION}: <org>`,
  ].join('\n');
}

/**
 * No Defender annotation: what to add to the entity's catalog-info.yaml, copyable. Reached
 * where the card is shown regardless of annotations (legacy EntitySwitch, or the new frontend
 * system's card with a `filter` override).
 */
export function MissingAnnotation(props: { entity: Entity }) {
  const { t } = useDefenderTranslation();
  const code = (text: string) => <code>{text}</code>;
  return (
    <div>
      <Text as="p" variant="body-medium">
        {t('missingAnnotation.intro', { file: code('catalog-info.yaml') })}
      </Text>
      <ul style={{ margin: '8px 0', paddingLeft: 20 }}>
        {(
          [
            ['missingAnnotation.repository', ANNOTATION_DOCKERHUB_REPOSITORY],
            [
              'missingAnnotation.organization',
              ANNOTATION_DOCKERHUB_ORGANIZATION,
            ],
            ['missingAnnotation.connectorId', ANNOTATION_CONNECTOR_ID],
          ] as const
        ).map(([key, annotation]) => (
          <li key={annotation}>
            <Text variant="body-medium">
              {t(key, { annotation: code(annotation) })}
            </Text>
          </li>
        ))}
      </ul>
      <CodeBlock
        copyable
        text={annotationSnippet(props.entity, {
          repositories: t('missingAnnotation.snippetRepositories'),
          organizations: t('missingAnnotation.snippetOrganizations'),
        })}
      />
    </div>
  );
}
