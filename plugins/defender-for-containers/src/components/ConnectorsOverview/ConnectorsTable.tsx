import { Link, Text } from '@backstage/ui';
import {
  useEntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  connectorEntityRef,
  type ConnectorListSort,
  type ConnectorOverview,
} from '@defender-backstage/plugin-defender-for-containers-common';
import type { ReactNode } from 'react';
import {
  useDefenderTranslation,
  type DefenderT,
} from '../../translation/useDefenderTranslation';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { useTimeFormat } from '../format/useTimeFormat';
import { SecondaryText } from '../theme/SecondaryText';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';
import {
  ServerSortedTable,
  type ServerSortedColumn,
} from '../table/ServerSortedTable';

type ConnectorColumn = ServerSortedColumn<ConnectorOverview, ConnectorListSort>;

function useColumns(t: DefenderT): ConnectorColumn[] {
  const entityLink = useEntityRefLink();
  const time = useTimeFormat();
  return [
    {
      id: 'organization',
      label: t('overview.organization'),
      sort: 'organization',
      isRowHeader: true,
      cell: c => (
        <>
          <Link href={entityLink(connectorEntityRef(c.organization))}>
            {c.organization}
          </Link>
          <SecondaryText as="div" variant="body-small">
            {c.subscriptionName}
          </SecondaryText>
        </>
      ),
    },
    {
      id: 'status',
      label: t('overview.status'),
      sort: 'status',
      cell: c => <ConnectorStatusLabel status={c.status} />,
    },
    {
      id: 'issues',
      label: t('overview.issues'),
      cell: c => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {c.issueCount}
        </span>
      ),
    },
    {
      id: 'findings',
      label: t('overview.findings'),
      sort: 'findings',
      cell: c =>
        c.findingsReported === false ? (
          <SecondaryText variant="body-medium">
            {t('overview.noFindingsData')}
          </SecondaryText>
        ) : (
          <div style={{ minWidth: 150 }}>
            <StackedSeverityBar
              counts={c.totals}
              max={Math.max(1, totalOf(c.totals))}
            />
            <Text as="div" variant="body-medium" style={{ marginTop: 4 }}>
              {describeCounts(c.totals, t)}
            </Text>
          </div>
        ),
    },
    {
      id: 'owner',
      label: t('overview.owner'),
      sort: 'owner',
      cell: c =>
        c.owner ? (
          <Link href={entityLink(c.owner)}>
            {humanizeEntityRef(parseEntityRef(c.owner), {
              defaultKind: 'group',
            })}
          </Link>
        ) : (
          <SecondaryText variant="body-medium">
            {t('overview.noOwner')}
          </SecondaryText>
        ),
    },
    {
      id: 'refreshedAt',
      label: t('overview.refreshed'),
      sort: 'refreshedAt',
      cell: c => (
        <span title={time.absolute(c.refreshedAt)}>
          {time.relative(c.refreshedAt)}
        </span>
      ),
    },
    {
      id: 'tokenExpiresOn',
      label: t('overview.tokenExpires'),
      sort: 'tokenExpiresOn',
      cell: c => (
        <span style={{ fontVariantNumeric: 'tabular-nums' }}>
          {c.tokenExpiry?.expiresOn ?? '—'}
        </span>
      ),
    },
    {
      id: 'azure',
      label: t('overview.azure'),
      cell: c => (
        <Link
          href={c.portalUrl}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={t('overview.portalOf', { organization: c.organization })}
        >
          {t('overview.portal')}
        </Link>
      ),
    },
  ];
}

/** One page of connectors; sorting is the backend's. */
export function ConnectorsTable(props: {
  items: ConnectorOverview[];
  sort?: ConnectorListSort;
  order: 'asc' | 'desc';
  onSort: (sort: ConnectorListSort, order: 'asc' | 'desc') => void;
  /** Rows of an earlier query are on screen while this one loads. */
  stale: boolean;
  empty: ReactNode;
}) {
  const { t } = useDefenderTranslation();
  return (
    <ServerSortedTable
      label={t('overview.tableLabel')}
      columns={useColumns(t)}
      rowId={c => c.id}
      {...props}
    />
  );
}
