import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { defenderPalette } from '../theme/defenderPalette';

const useStyles = makeStyles(theme => ({
  table: {
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: 'var(--bui-font-size-3, 0.875rem)',
    lineHeight: 1.4,
  },
  head: {
    textAlign: 'left',
    fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
    color: defenderPalette(theme).secondaryText,
    padding: 'var(--bui-space-1_5, 6px) var(--bui-space-2, 8px)',
    borderBottom: '1px solid var(--bui-border-1, rgba(128,128,128,0.3))',
  },
  cell: {
    padding: 'var(--bui-space-1_5, 6px) var(--bui-space-2, 8px)',
    verticalAlign: 'top',
    overflowWrap: 'anywhere',
    borderBottom: '1px solid var(--bui-border-1, rgba(128,128,128,0.3))',
  },
  right: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
}));

export interface DataColumn {
  title: string;
  /** Share of the table's width, e.g. `'40%'`. */
  width: string;
  align?: 'right';
}

/**
 * A small static table of the card (repositories, worst findings): plain semantic rows and
 * header cells, every column named, in Backstage UI's borders and type.
 */
export function DataTable(props: {
  label: string;
  columns: DataColumn[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
}) {
  const classes = useStyles();
  const alignOf = (c: DataColumn) => (c.align ? classes.right : '');
  return (
    <table className={classes.table} aria-label={props.label}>
      <colgroup>
        {props.columns.map(c => (
          <col key={c.title} style={{ width: c.width }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {props.columns.map(c => (
            <th
              key={c.title}
              scope="col"
              className={`${classes.head} ${alignOf(c)}`}
            >
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.map(row => (
          <tr key={row.key}>
            {row.cells.map((cell, i) => (
              <td
                key={i}
                className={`${classes.cell} ${alignOf(props.columns[i])}`}
              >
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
