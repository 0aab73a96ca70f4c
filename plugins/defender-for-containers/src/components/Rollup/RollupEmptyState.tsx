import { Text } from '@backstage/ui';
import {
  ANNOTATION_DOCKERHUB_ORGANIZATION,
  ANNOTATION_DOCKERHUB_REPOSITORY,
  type EntityRollupResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { CodeBlock } from '../DefenderCard/CodeBlock';

/** The annotations a component adds, in its descriptor, ready to copy. */
export function componentAnnotationSnippet(comments: {
  repositories: string;
  organizations: string;
}): string {
  return [
    'metadata:',
    '  annotations:',
    `    # ${comments.repositories}`,
    `    ${ANNOTATION_DOCKERHUB_REPOSITORY}: <org>/<repo>`,
    `    # ${comments.organizations}`,
    `    # ${ANNOTATION_DOCKERHUB_ORGANIZATION}: <org>`,
  ].join('\n');
}

/** What to add to the components: the annotation keys and a snippet, as the entity card says. */
function HowToAnnotate() {
  const { t } = useDefenderTranslation();
  const code = (text: string) => <code>{text}</code>;
  return (
    <>
      <Text as="p" variant="body-medium" style={{ marginTop: 8 }}>
        {t('rollup.howToAnnotate', { file: code('catalog-info.yaml') })}
      </Text>
      <ul style={{ margin: '8px 0', paddingLeft: 20 }}>
        <li>
          <Text variant="body-medium">
            {t('missingAnnotation.repository', {
              annotation: code(ANNOTATION_DOCKERHUB_REPOSITORY),
            })}
          </Text>
        </li>
        <li>
          <Text variant="body-medium">
            {t('missingAnnotation.organization', {
              annotation: code(ANNOTATION_DOCKERHUB_ORGANIZATION),
            })}
          </Text>
        </li>
      </ul>
      <CodeBlock
        copyable
        text={componentAnnotationSnippet({
          repositories: t('missingAnnotation.snippetRepositories'),
          organizations: t('missingAnnotation.snippetOrganizations'),
        })}
      />
    </>
  );
}

/**
 * No component with Defender annotations: either there is no component at all (for a group
 * without child groups included, where they may be), or none names a Docker Hub organization or
 * repository, and then how to annotate them.
 */
export function RollupEmptyState(props: {
  rollup: EntityRollupResponse;
  isGroup: boolean;
}) {
  const { t } = useDefenderTranslation();
  const { rollup, isGroup } = props;
  if (rollup.componentCount === 0) {
    return (
      <div data-testid="rollup-empty">
        <Text as="p" variant="body-medium">
          {isGroup
            ? t('rollup.noComponentsGroup')
            : t('rollup.noComponentsSystem')}
        </Text>
        {isGroup && !rollup.includesChildGroups && (
          <Text as="p" variant="body-medium" style={{ marginTop: 8 }}>
            {t('rollup.childGroupsHint')}
          </Text>
        )}
      </div>
    );
  }
  return (
    <div data-testid="rollup-empty">
      <Text as="p" variant="body-medium">
        {t('rollup.noAnnotated', { count: rollup.componentCount })}
      </Text>
      <HowToAnnotate />
    </div>
  );
}
