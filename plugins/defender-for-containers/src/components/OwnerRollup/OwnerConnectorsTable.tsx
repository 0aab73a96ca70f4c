import type { ReactNode } from 'react';
import {
  Cell,
  Column,
  Link,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  Text,
} from '@backstage/ui';
import { useEntityRefLink } from '@backstage/plugin-catalog-react';
import {
  connectorEntityRef,
  type OwnerRollup,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';
import { ConnectorComponents } from './ConnectorComponents';

type OwnerConnector = OwnerRollup['connectors'][number];

interface OwnerColumn {
  id: string;
  label: string;
  isRowHeader?: boolean;
  cell: (c: OwnerConnector) => ReactNode;
}

/**
 * One owner's connectors in Backstage UI's table, as on the overview's list: organization
 * (linked to the connector's catalog entity), status, findings, and the components using it.
 */
export function OwnerConnectorsTable(props: {
  /** Names the table for assistive technology: whose connectors these are. */
  label: string;
  connectors: OwnerConnector[];
}) {
  const { t } = useDefenderTranslation();
  const entityLink = useEntityRefLink();
  const max = Math.max(1, ...props.connectors.map(c => totalOf(c.totals)));
  const columns: OwnerColumn[] = [
    {
      id: 'organization',
      label: t('rollup.organization'),
      isRowHeader: true,
      cell: c => (
        <Link href={entityLink(connectorEntityRef(c.organization))}>
          {c.organization}
        </Link>
      ),
    },
    {
      id: 'status',
      label: t('rollup.status'),
      cell: c => <ConnectorStatusLabel status={c.status} />,
    },
    {
      id: 'findings',
      label: t('rollup.findings'),
      cell: c => (
        <div style={{ minWidth: 150 }}>
          <StackedSeverityBar counts={c.totals} max={max} />
          <Text as="div" variant="body-medium" style={{ marginTop: 4 }}>
            {describeCounts(c.totals, t)}
          </Text>
        </div>
      ),
    },
    {
      id: 'components',
      label: t('rollup.usingComponents'),
      cell: c => (
        <ConnectorComponents
          organization={c.organization}
          components={c.components}
        />
      ),
    },
  ];
  return (
    <TableRoot aria-label={props.label}>
      <TableHeader columns={columns}>
        {column => (
          <Column id={column.id} isRowHeader={column.isRowHeader}>
            {column.label}
          </Column>
        )}
      </TableHeader>
      <TableBody items={props.connectors}>
        {item => (
          <Row id={item.id} columns={columns}>
            {column => <Cell>{column.cell(item)}</Cell>}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
