import { Alert, Text } from '@backstage/ui';
import type { IgnoredAnnotation } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';

/**
 * Annotation values the backend left out, each with why, so the entity's owner can fix them. The
 * reasons are the backend's own (English) words, marked as such.
 */
export function IgnoredAnnotations(props: { ignored: IgnoredAnnotation[] }) {
  const { t } = useDefenderTranslation();
  if (props.ignored.length === 0) return null;
  return (
    <Alert
      status="warning"
      icon
      mt="4"
      role="group"
      aria-label={t('ignored.label')}
      title={t('ignored.title', { count: props.ignored.length })}
      description={
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          {props.ignored.map((i, n) => (
            <li
              key={`${i.annotation}|${i.value}|${n}`}
              style={{ overflowWrap: 'anywhere' }}
            >
              <Text variant="body-medium">
                <code>{i.annotation}</code>: <code>{i.value}</code> —{' '}
                <span lang="en">{i.reason}</span>
              </Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
