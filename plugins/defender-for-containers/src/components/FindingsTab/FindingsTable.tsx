import type { ReactNode } from 'react';
import {
  Cell,
  Column,
  Link,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  type SortDescriptor,
} from '@backstage/ui';
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

interface FindingColumn {
  id: string;
  label: string;
  /** What the backend sorts by, for the columns it can sort. */
  sort?: FindingSort;
  isRowHeader?: boolean;
  cell: (f: Finding) => ReactNode;
}

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

/**
 * One page of findings in Backstage UI's table. Sorting is the backend's: a header says which
 * column and direction (`aria-sort` for assistive technology), a click asks for another.
 */
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
  const columns = useColumns(t);
  // A finding's id is unique within its connector only; an entity may have several.
  const rows = props.items.map(f => ({
    id: `${f.connectorId}|${f.id}`,
    finding: f,
  }));
  const descriptor: SortDescriptor = {
    column: props.sort,
    direction: props.order === 'desc' ? 'descending' : 'ascending',
  };
  return (
    <TableRoot
      aria-label={t('findingsTab.tableLabel')}
      sortDescriptor={descriptor}
      onSortChange={d => {
        const column = columns.find(c => c.id === d.column);
        if (column?.sort) {
          props.onSort(
            column.sort,
            d.direction === 'descending' ? 'desc' : 'asc',
          );
        }
      }}
      stale={props.stale}
    >
      <TableHeader columns={columns}>
        {column => (
          <Column
            id={column.id}
            isRowHeader={column.isRowHeader}
            allowsSorting={!!column.sort}
          >
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={rows} renderEmptyState={() => props.empty}>
        {row => (
          <Row id={row.id} columns={columns}>
            {column => <Cell>{column.cell(row.finding)}</Cell>}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
