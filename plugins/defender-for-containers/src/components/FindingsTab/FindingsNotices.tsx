import { Alert, Flex } from '@backstage/ui';
import type { EntityFindingsResponse } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { useTimeFormat } from '../format/useTimeFormat';
import { SecondaryText } from '../theme/SecondaryText';

/**
 * What the list leaves out, said above it: the repositories it is narrowed to, connectors whose
 * findings Backstage keeps only in part (the rest are only in the Azure portal), connectors whose
 * data the reader may not see, and how fresh it is.
 */
export function FindingsNotices(props: { response: EntityFindingsResponse }) {
  const { t } = useDefenderTranslation();
  const time = useTimeFormat();
  const { narrowedTo, truncated, notAllowed, refreshedAt } = props.response;
  const narrowed = narrowedTo?.length
    ? t('findingsTab.narrowedTo', { repositories: narrowedTo.join(', ') })
    : undefined;
  const number = (n: number) => n.toLocaleString(time.language);
  return (
    <Flex direction="column" gap="2">
      {(narrowed || refreshedAt) && (
        <SecondaryText as="p" variant="body-medium" style={{ margin: 0 }}>
          {narrowed}
          {narrowed && refreshedAt && ' · '}
          {refreshedAt && (
            <span title={time.absolute(refreshedAt)}>
              {t('findingsTab.refreshedAt', {
                time: time.relative(refreshedAt),
              })}
            </span>
          )}
        </SecondaryText>
      )}
      {truncated.map(tr => (
        <Alert
          key={tr.connectorId}
          status="info"
          icon
          title={t('findingsTab.truncated', {
            stored: number(tr.stored),
            open: number(tr.open),
            organization: tr.organization,
          })}
        />
      ))}
      {notAllowed.map(na => (
        <Alert
          key={na.organization}
          status="warning"
          icon
          title={t('findingsTab.notAllowed', {
            organization: na.organization,
          })}
          // the backend's sentence says why and whom to ask, in English
          description={<span lang="en">{na.message}</span>}
        />
      ))}
    </Flex>
  );
}
