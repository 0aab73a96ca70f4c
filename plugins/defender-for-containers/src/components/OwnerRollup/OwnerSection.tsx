import { useId } from 'react';
import { Flex, Text } from '@backstage/ui';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  CONNECTOR_TAG_OWNER,
  type OwnerRollup,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts } from '../charts/severities';
import { SecondaryText } from '../theme/SecondaryText';
import { OwnerConnectorsTable } from './OwnerConnectorsTable';

/**
 * One owner: its name (linked to its entity page) or "No owner", its totals over its
 * connectors, and the table of its connectors. `max` scales every owner's bar alike, so the bars
 * compare owners.
 */
export function OwnerSection(props: { rollup: OwnerRollup; max: number }) {
  const { t } = useDefenderTranslation();
  const headingId = useId();
  const { owner, connectors, totals } = props.rollup;
  const ownerName = owner
    ? humanizeEntityRef(parseEntityRef(owner), { defaultKind: 'group' })
    : t('rollup.noOwner');
  return (
    <section
      aria-labelledby={headingId}
      data-owner={owner ?? ''}
      style={{ marginTop: 'var(--bui-space-6, 24px)' }}
    >
      <Flex align="baseline" gap="3" style={{ flexWrap: 'wrap' }}>
        <Text
          as="h2"
          variant="title-x-small"
          id={headingId}
          style={{ margin: 0 }}
        >
          {owner ? (
            <EntityRefLink entityRef={owner} defaultKind="group" />
          ) : (
            ownerName
          )}
        </Text>
        {!owner && (
          <SecondaryText variant="body-medium">
            {t('rollup.noOwnerHint', {
              tag: <code>{CONNECTOR_TAG_OWNER}</code>,
            })}
          </SecondaryText>
        )}
        <SecondaryText variant="body-medium">
          {t('rollup.ownerConnectorCount', { count: connectors.length })}
        </SecondaryText>
      </Flex>
      <div style={{ maxWidth: 480, margin: '8px 0 12px' }}>
        <StackedSeverityBar counts={totals} max={props.max} />
        <Text
          as="p"
          variant="body-medium"
          style={{ marginTop: 4 }}
          data-testid="owner-totals"
        >
          {t('rollup.ownerTotals', { counts: describeCounts(totals, t) })}
        </Text>
      </div>
      <OwnerConnectorsTable
        label={t('rollup.ownerConnectorsLabel', { owner: ownerName })}
        connectors={connectors}
      />
    </section>
  );
}
