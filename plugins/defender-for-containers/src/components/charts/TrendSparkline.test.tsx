import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { defenderForContainersTranslationRef } from '../../translation/defenderForContainersTranslationRef';
import { counts } from '../../__fixtures__/defenderResponses';
import { describeTrend, TrendSparkline } from './TrendSparkline';

const days = [
  {
    date: '2026-02-27',
    status: 'unhealthy' as const,
    counts: counts(4, 9, 15, 24),
  },
  {
    date: '2026-02-28',
    status: 'healthy' as const,
    counts: counts(3, 9, 15, 24),
  },
  {
    date: '2026-03-01',
    status: 'healthy' as const,
    counts: counts(3, 8, 15, 24),
  },
];

// The English messages, as the app's translation API hands them to the component.
const { t } = mockApis
  .translation()
  .getTranslation(defenderForContainersTranslationRef);

describe('TrendSparkline', () => {
  it('says in words how findings and health went', () => {
    expect(describeTrend([], t)).toBe('No history yet');
    expect(describeTrend(days.slice(0, 1), t)).toBe(
      '1 day so far: 52 open findings (4 critical), unhealthy; one point is added per day',
    );
    expect(describeTrend(days, t)).toBe(
      '3 days: open findings 52 → 50 (critical 4 → 3); healthy on 2 of 3 days',
    );
  });

  it('never reads a day without findings data as a day without findings', async () => {
    const none = {
      ...days[2],
      counts: counts(0, 0, 0, 0),
      findingsReported: false,
    };
    expect(describeTrend([none], t)).toBe(
      '1 day so far: no findings data from Defender, healthy; one point is added per day',
    );
    expect(describeTrend([{ ...none, date: '2026-02-28' }, none], t)).toBe(
      '2 days: no findings data from Defender; healthy on 2 of 2 days',
    );
    expect(describeTrend([days[0], days[1], none], t)).toBe(
      '3 days: open findings 52 → 51 (critical 4 → 3) on the days with findings data (none on 1); healthy on 2 of 3 days',
    );
    renderInTestApp(<TrendSparkline trend={[days[0], days[1], none]} />);
    const chart = await screen.findByRole('img', { name: /3 days/ });
    // the lines stop at the last day with data: two points each, not three
    for (const line of chart.querySelectorAll('polyline')) {
      expect(line.getAttribute('points')!.split(' ')).toHaveLength(2);
    }
    expect(chart.querySelectorAll('rect > title')[2].textContent).toBe(
      '2026-03-01: healthy, no findings data',
    );
  });

  it('draws one status cell per day, each with its date and status as a tooltip, and both lines', async () => {
    renderInTestApp(<TrendSparkline trend={days} />);
    const chart = await screen.findByRole('img', { name: /3 days/ });
    expect(chart.querySelectorAll('polyline')).toHaveLength(2);
    expect(
      [...chart.querySelectorAll('rect > title')].map(
        title => title.textContent,
      ),
    ).toEqual([
      '2026-02-27: unhealthy, 52 open findings',
      '2026-02-28: healthy, 51 open findings',
      '2026-03-01: healthy, 50 open findings',
    ]);
  });

  it('keeps a short history short instead of stretching it', async () => {
    renderInTestApp(<TrendSparkline trend={days.slice(0, 1)} />);
    const chart = await screen.findByRole('img', { name: /1 day so far/ });
    expect(Number(chart.getAttribute('width'))).toBeLessThanOrEqual(24);
    expect(chart.querySelectorAll('circle')).toHaveLength(1);
  });
});
