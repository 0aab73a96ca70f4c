import { useId } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import type { TrendPoint } from '@defender-backstage/plugin-defender-for-containers-common';
import {
  useDefenderTranslation,
  type DefenderT,
} from '../../translation/useDefenderTranslation';
import { SecondaryText } from '../theme/SecondaryText';
import { useDefenderPalette, type StatusTone } from '../theme/defenderPalette';
import { totalOf } from './severities';

const WIDTH = 240;
const HEIGHT = 40;
const STRIP = 8;
/** Widest day: a short history stays a short chart instead of a few stretched days. */
const MAX_SLOT = 24;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: 'var(--bui-space-4, 16px)',
    flexWrap: 'wrap',
  },
  svg: { display: 'block', overflow: 'visible', flexShrink: 0 },
  caption: { flex: '1 1 200px' },
});

const STATUS_TONE: Record<string, StatusTone> = {
  healthy: 'ok',
  unhealthy: 'error',
  pending: 'pending',
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

const statusWord = (t: DefenderT, p: TrendPoint) =>
  p.status ? t(`trend.${p.status}`) : t('trend.noReport');

/** What the trend says, in words: the chart's accessible name and its visible caption. */
export function describeTrend(trend: TrendPoint[], t: DefenderT): string {
  if (trend.length === 0) return t('trend.empty');
  const last = trend[trend.length - 1];
  if (trend.length === 1) {
    const findings = reported(last)
      ? t('trend.oneDayFindings', {
          total: String(totalOf(last.counts)),
          critical: String(last.counts.critical),
        })
      : t('trend.noFindingsData');
    return t('trend.oneDay', { findings, status: statusWord(t, last) });
  }
  const days = String(trend.length);
  const health = t('trend.health', {
    healthy: String(trend.filter(p => p.status === 'healthy').length),
    days,
  });
  const withData = trend.filter(reported);
  if (withData.length === 0) {
    return t('trend.daysNoData', { days, health });
  }
  const from = withData[0];
  const to = withData[withData.length - 1];
  const missing = trend.length - withData.length;
  const values = {
    days,
    from: String(totalOf(from.counts)),
    to: String(totalOf(to.counts)),
    criticalFrom: String(from.counts.critical),
    criticalTo: String(to.counts.critical),
    health,
  };
  return missing
    ? t('trend.daysWithGaps', { ...values, missing: String(missing) })
    : t('trend.days', values);
}

/**
 * Health and findings over the stored history (one point per day) as an inline SVG: a line of
 * all open findings, a dashed line of critical ones, and a strip of daily statuses whose colours
 * are explained by the caption and each day's tooltip. The caption names the chart: screen
 * readers hear the description once, as the image's name.
 */
export function TrendSparkline(props: { trend: TrendPoint[] }) {
  const classes = useStyles();
  const palette = useDefenderPalette();
  const { t } = useDefenderTranslation();
  const captionId = useId();
  const { trend } = props;
  if (trend.length === 0) {
    return (
      <SecondaryText as="p" variant="body-small">
        {t('trend.noHistory')}
      </SecondaryText>
    );
  }
  const totals = trend.map(p => (reported(p) ? totalOf(p.counts) : null));
  const max = Math.max(1, ...totals.map(v => v ?? 0));
  const slot = slotOf(trend.length);
  const width = slot * trend.length;
  const description = describeTrend(trend, t);
  const line = { fill: 'none', strokeWidth: 1.5 };
  return (
    <div className={classes.root}>
      <svg
        className={classes.svg}
        width={width}
        height={HEIGHT + STRIP + 4}
        viewBox={`0 0 ${width} ${HEIGHT + STRIP + 4}`}
        role="img"
        aria-labelledby={captionId}
      >
        {trend.length > 1 ? (
          <>
            <polyline
              {...line}
              stroke={palette.trend.total}
              points={points(totals, max)}
            />
            <polyline
              {...line}
              stroke={palette.trend.critical}
              strokeDasharray="3 2"
              points={points(
                trend.map(p => (reported(p) ? p.counts.critical : null)),
                max,
              )}
            />
          </>
        ) : (
          totals[0] !== null && (
            <circle
              fill={palette.trend.total}
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
            fill={palette.status[STATUS_TONE[p.status ?? 'pending']].graphic}
          >
            <title>
              {t('trend.day', {
                date: p.date,
                status: statusWord(t, p),
                findings: reported(p)
                  ? t('trend.dayFindings', { count: totalOf(p.counts) })
                  : t('trend.dayNoData'),
              })}
            </title>
          </rect>
        ))}
      </svg>
      {/* The chart's name: read once, as the image's, not a second time as text. */}
      <SecondaryText
        as="p"
        id={captionId}
        aria-hidden
        variant="body-small"
        className={classes.caption}
      >
        {description}
      </SecondaryText>
    </div>
  );
}
