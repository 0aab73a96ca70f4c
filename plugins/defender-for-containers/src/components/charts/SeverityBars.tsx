import { makeStyles } from '@material-ui/core/styles';
import type { SeverityCounts } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { useDefenderPalette } from '../theme/defenderPalette';
import { SEVERITIES, describeCounts, severityLabel } from './severities';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(4.5em, auto) 1fr minmax(2.5em, auto)',
    alignItems: 'center',
    columnGap: 'var(--bui-space-3, 12px)',
    rowGap: 'var(--bui-space-1, 4px)',
    margin: 0,
    fontSize: 'var(--bui-font-size-3, 0.875rem)',
    lineHeight: 1.5,
  },
  label: { margin: 0 },
  track: { height: 10, borderRadius: 5, overflow: 'hidden', margin: 0 },
  bar: { height: '100%', borderRadius: 5, minWidth: 0 },
  count: {
    margin: 0,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
  },
});

/**
 * Counts by severity as horizontal CSS bars, each with its label and number: no chart library,
 * and readable without colour. `max` scales several charts alike (default: the largest count).
 */
export function SeverityBars(props: { counts: SeverityCounts; max?: number }) {
  const classes = useStyles();
  const palette = useDefenderPalette();
  const { t } = useDefenderTranslation();
  const { counts } = props;
  const max = Math.max(
    1,
    props.max ?? Math.max(...SEVERITIES.map(s => counts[s])),
  );
  return (
    <dl
      className={classes.list}
      aria-label={t('severity.chartLabel', {
        counts: describeCounts(counts, t),
      })}
    >
      {SEVERITIES.map(s => (
        <div key={s} style={{ display: 'contents' }}>
          <dt className={classes.label}>{severityLabel(t, s)}</dt>
          <dd
            className={classes.track}
            style={{ background: palette.track }}
            aria-hidden
          >
            <div
              className={classes.bar}
              data-severity={s}
              style={{
                width: `${(100 * counts[s]) / max}%`,
                background: palette.severity[s].graphic,
              }}
            />
          </dd>
          <dd className={classes.count}>{counts[s]}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One stacked bar of all severities, for a table row; the counts are written beside it. A thin
 * gap between segments keeps neighbouring severities apart where their hues are close.
 */
export function StackedSeverityBar(props: {
  counts: SeverityCounts;
  max: number;
}) {
  const palette = useDefenderPalette();
  const { counts } = props;
  const max = Math.max(1, props.max);
  return (
    <div
      aria-hidden
      style={{
        display: 'flex',
        gap: 1,
        height: 8,
        width: '100%',
        minWidth: 60,
        borderRadius: 4,
        overflow: 'hidden',
        background: palette.track,
      }}
    >
      {SEVERITIES.filter(s => counts[s] > 0).map(s => (
        <div
          key={s}
          data-severity={s}
          style={{
            width: `${(100 * counts[s]) / max}%`,
            background: palette.severity[s].graphic,
          }}
        />
      ))}
    </div>
  );
}
