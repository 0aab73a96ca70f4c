import { makeStyles } from '@material-ui/core/styles';
import type { SeverityCounts } from '@defender-backstage/plugin-defender-for-containers-common';
import { SEVERITIES, describeCounts } from './severities';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(4.5em, auto) 1fr minmax(2.5em, auto)',
    alignItems: 'center',
    columnGap: theme.spacing(1.5),
    rowGap: theme.spacing(0.5),
    margin: 0,
  },
  label: { ...theme.typography.body2, margin: 0 },
  track: {
    height: 10,
    borderRadius: 5,
    background: theme.palette.action.hover,
    overflow: 'hidden',
  },
  bar: { height: '100%', borderRadius: 5, minWidth: 0 },
  count: {
    ...theme.typography.body2,
    margin: 0,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    fontWeight: theme.typography.fontWeightMedium as number,
  },
}));

/**
 * Counts by severity as horizontal CSS bars, each with its label and number: no chart library,
 * and readable without colour. `max` scales several charts alike (default: the largest count).
 */
export function SeverityBars(props: { counts: SeverityCounts; max?: number }) {
  const classes = useStyles();
  const { counts } = props;
  const max = Math.max(
    1,
    props.max ?? Math.max(...SEVERITIES.map(s => counts[s.key])),
  );
  return (
    <dl
      className={classes.list}
      aria-label={`Open findings: ${describeCounts(counts)}`}
    >
      {SEVERITIES.map(s => (
        <div key={s.key} style={{ display: 'contents' }}>
          <dt className={classes.label}>{s.label}</dt>
          <dd className={classes.track} aria-hidden>
            <div
              className={classes.bar}
              data-severity={s.key}
              style={{
                width: `${(100 * counts[s.key]) / max}%`,
                background: s.color,
              }}
            />
          </dd>
          <dd className={classes.count}>{counts[s.key]}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One stacked bar of all severities, for a table row; the counts are written beside it. */
export function StackedSeverityBar(props: {
  counts: SeverityCounts;
  max: number;
}) {
  const { counts } = props;
  const max = Math.max(1, props.max);
  return (
    <div
      aria-hidden
      style={{
        display: 'flex',
        height: 8,
        width: '100%',
        minWidth: 60,
        borderRadius: 4,
        overflow: 'hidden',
        background: 'rgba(128,128,128,0.15)',
      }}
    >
      {SEVERITIES.map(s => (
        <div
          key={s.key}
          data-severity={s.key}
          style={{
            width: `${(100 * counts[s.key]) / max}%`,
            background: s.color,
          }}
        />
      ))}
    </div>
  );
}
