import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { TrendPoint } from '@defender-backstage/plugin-defender-for-containers-common';
import { totalOf } from './severities';

const WIDTH = 240;
const HEIGHT = 40;
const STRIP = 8;
/** Widest day: a short history stays a short chart instead of a few stretched days. */
const MAX_SLOT = 24;

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
  },
  svg: { display: 'block', overflow: 'visible', flexShrink: 0 },
  line: { fill: 'none', stroke: theme.palette.primary.main, strokeWidth: 1.5 },
  dot: { fill: theme.palette.primary.main },
  critical: {
    fill: 'none',
    stroke: '#9e1c1c',
    strokeWidth: 1.5,
    strokeDasharray: '3 2',
  },
  caption: { flex: '1 1 200px' },
}));

const STATUS_FILL: Record<string, string> = {
  healthy: '#3e8635',
  unhealthy: '#c9190b',
  pending: '#6a6e73',
};

/** Each day's slot; its point sits in the middle, its status below. */
const slotOf = (days: number) => Math.min(MAX_SLOT, WIDTH / days);

/** A day Defender had findings data for; a day without has zero counts that mean nothing. */
const reported = (p: TrendPoint) => p.findingsReported !== false;

/** The line through the days with data (`null`: no data that day, no point). */
function points(values: Array<number | null>, max: number): string {
  const slot = slotOf(values.length);
  return values
    .flatMap((v, i) => {
      if (v === null) return [];
      const x = i * slot + slot / 2;
      const y = HEIGHT - (HEIGHT * v) / max;
      return [`${x.toFixed(1)},${y.toFixed(1)}`];
    })
    .join(' ');
}

/** What the trend says, in words: the chart's accessible name and its visible caption. */
export function describeTrend(trend: TrendPoint[]): string {
  if (trend.length === 0) return 'No history yet';
  const last = trend[trend.length - 1];
  if (trend.length === 1) {
    const findings = reported(last)
      ? `${totalOf(last.counts)} open findings (${
          last.counts.critical
        } critical)`
      : 'no findings data from Defender';
    return `1 day so far: ${findings}, ${
      last.status ?? 'no report'
    }; one point is added per day`;
  }
  const healthyDays = trend.filter(p => p.status === 'healthy').length;
  const health = `healthy on ${healthyDays} of ${trend.length} days`;
  const withData = trend.filter(reported);
  if (withData.length === 0) {
    return `${trend.length} days: no findings data from Defender; ${health}`;
  }
  const from = withData[0];
  const to = withData[withData.length - 1];
  const missing = trend.length - withData.length;
  return `${trend.length} days: open findings ${totalOf(
    from.counts,
  )} → ${totalOf(to.counts)} (critical ${from.counts.critical} → ${
    to.counts.critical
  })${
    missing ? ` on the days with findings data (none on ${missing})` : ''
  }; ${health}`;
}

/**
 * Health and findings over the stored history (one point per day) as an inline SVG: a line of
 * all open findings, a dashed line of critical ones, and a strip of daily statuses whose colours
 * are explained by the caption and each day's tooltip.
 */
export function TrendSparkline(props: { trend: TrendPoint[] }) {
  const classes = useStyles();
  const { trend } = props;
  if (trend.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No history yet: one point is kept per day.
      </Typography>
    );
  }
  const totals = trend.map(p => (reported(p) ? totalOf(p.counts) : null));
  const max = Math.max(1, ...totals.map(t => t ?? 0));
  const slot = slotOf(trend.length);
  const width = slot * trend.length;
  const description = describeTrend(trend);
  return (
    <div className={classes.root}>
      <svg
        className={classes.svg}
        width={width}
        height={HEIGHT + STRIP + 4}
        viewBox={`0 0 ${width} ${HEIGHT + STRIP + 4}`}
        role="img"
        aria-label={`Trend over ${description}`}
      >
        <title>{description}</title>
        {trend.length > 1 ? (
          <>
            <polyline className={classes.line} points={points(totals, max)} />
            <polyline
              className={classes.critical}
              points={points(
                trend.map(p => (reported(p) ? p.counts.critical : null)),
                max,
              )}
            />
          </>
        ) : (
          totals[0] !== null && (
            <circle
              className={classes.dot}
              cx={slot / 2}
              cy={HEIGHT - (HEIGHT * totals[0]) / max}
              r={3}
            />
          )
        )}
        {trend.map((p, i) => (
          <rect
            key={p.date}
            x={i * slot + 0.5}
            y={HEIGHT + 4}
            width={Math.max(1, slot - 1)}
            height={STRIP}
            fill={STATUS_FILL[p.status ?? 'pending'] ?? STATUS_FILL.pending}
          >
            <title>{`${p.date}: ${p.status ?? 'no report'}, ${
              reported(p)
                ? `${totalOf(p.counts)} open findings`
                : 'no findings data'
            }`}</title>
          </rect>
        ))}
      </svg>
      <Typography
        variant="caption"
        color="textSecondary"
        className={classes.caption}
      >
        {description}
      </Typography>
    </div>
  );
}
