import type { ReactNode } from 'react';
import { Link } from '@backstage/ui';
import {
  cveUrl,
  type Finding,
  type FindingSort,
} from '@defender-backstage/plugin-defender-for-containers-common';
import {
  useDefenderTranslation,
  type DefenderT,
} from '../../translation/useDefenderTranslation';
import { useTimeFormat } from '../format/useTimeFormat';
import { SecondaryText } from '../theme/SecondaryText';
import { SeverityLabel } from './SeverityLabel';
import { shortImage } from '../format/shortImage';
import {
  ServerSortedTable,
  type ServerSortedColumn,
} from '../table/ServerSortedTable';

type FindingColumn = ServerSortedColumn<Finding, FindingSort>;

/** Image names have no spaces: they break anywhere rather than run into the next column. */
const breakAnywhere = { overflowWrap: 'anywhere' } as const;

/** The image, its digest shortened; the whole name is its tooltip. */
function ImageName(props: { image: string }) {
  const short = shortImage(props.image);
  return short === props.image ? (
    <span style={breakAnywhere}>{props.image}</span>
  ) : (
    <span style={breakAnywhere} title={props.image}>
      {short}
    </span>
  );
}

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;
const none = <SecondaryText variant="body-medium">—</SecondaryText>;

function useColumns(t: DefenderT): FindingColumn[] {
  const time = useTimeFormat();
  return [
    {
      id: 'image',
      label: t('findingsTab.image'),
      sort: 'image',
      isRowHeader: true,
      cell: f => <ImageName image={f.image} />,
    },
    {
      id: 'package',
      label: t('findingsTab.package'),
      sort: 'package',
      // Defender does not always name the package; its title says what it found then.
      cell: f => f.package ?? <SecondaryText>{f.title}</SecondaryText>,
    },
    {
      id: 'cves',
      label: t('findingsTab.cves'),
      cell: f =>
        f.cves.length
          ? f.cves.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <Link
                  href={cveUrl(id)}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t('findingsTab.cveLink', { id })}
                >
                  {id}
                </Link>
              </span>
            ))
          : none,
    },
    {
      id: 'severity',
      label: t('findingsTab.severity'),
      sort: 'severity',
      cell: f => <SeverityLabel severity={f.severity} />,
    },
    {
      id: 'installedVersion',
      label: t('findingsTab.installedVersion'),
      cell: f => <span style={tabular}>{f.installedVersion ?? none}</span>,
    },
    {
      id: 'fixedVersion',
      label: t('findingsTab.fixedVersion'),
      cell: f =>
        f.fixedVersion ? (
          <span style={tabular}>{f.fixedVersion}</span>
        ) : (
          <SecondaryText>{t('findingsTab.noFix')}</SecondaryText>
        ),
    },
    {
      id: 'firstSeen',
      label: t('findingsTab.firstSeen'),
      sort: 'firstSeen',
      cell: f =>
        f.firstSeenAt ? (
          <span title={time.absolute(f.firstSeenAt)} style={tabular}>
            {time.date(f.firstSeenAt)}
          </span>
        ) : (
          none
        ),
    },
  ];
}

/** One page of findings; sorting is the backend's. */
export function FindingsTable(props: {
  items: Finding[];
  sort: FindingSort;
  order: 'asc' | 'desc';
  onSort: (sort: FindingSort, order: 'asc' | 'desc') => void;
  /** Rows of an earlier query are on screen while this one loads. */
  stale: boolean;
  empty: ReactNode;
}) {
  const { t } = useDefenderTranslation();
  return (
    <ServerSortedTable
      label={t('findingsTab.tableLabel')}
      columns={useColumns(t)}
      // A finding's id is unique within its connector only; an entity may have several.
      rowId={f => `${f.connectorId}|${f.id}`}
      {...props}
    />
  );
}
