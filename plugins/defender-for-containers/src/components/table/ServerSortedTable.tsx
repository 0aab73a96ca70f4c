import type { ReactNode } from 'react';
import {
  Cell,
  Column,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
  type SortDescriptor,
} from '@backstage/ui';

/** A column of a `ServerSortedTable`. */
export interface ServerSortedColumn<T, S extends string> {
  id: string;
  label: string;
  /** What the backend sorts by, for the columns it can sort. */
  sort?: S;
  isRowHeader?: boolean;
  cell: (item: T) => ReactNode;
}

/**
 * One page of a list in Backstage UI's table, sorted by the backend: the header says which
 * column and direction (`aria-sort` for assistive technology), a click asks for another.
 */
export function ServerSortedTable<T, S extends string>(props: {
  label: string;
  columns: ServerSortedColumn<T, S>[];
  items: T[];
  /** Unique per row of the page. */
  rowId: (item: T) => string;
  sort?: S;
  order: 'asc' | 'desc';
  onSort: (sort: S, order: 'asc' | 'desc') => void;
  /** Rows of an earlier query are on screen while this one loads. */
  stale: boolean;
  empty: ReactNode;
}) {
  const { columns } = props;
  const rows = props.items.map(item => ({ id: props.rowId(item), item }));
  const descriptor: SortDescriptor | undefined = props.sort && {
    column: props.sort,
    direction: props.order === 'desc' ? 'descending' : 'ascending',
  };
  return (
    <TableRoot
      aria-label={props.label}
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
            {column => <Cell>{column.cell(row.item)}</Cell>}
          </Row>
        )}
      </TableBody>
    </TableRoot>
  );
}
