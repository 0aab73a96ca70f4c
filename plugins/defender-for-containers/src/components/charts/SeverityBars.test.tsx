import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { defenderForContainersTranslationRef } from '../../translation/defenderForContainersTranslationRef';
import { counts } from '../../__fixtures__/defenderResponses';
import { SeverityBars } from './SeverityBars';
import { describeCounts } from './severities';

describe('SeverityBars', () => {
  it('draws each severity as a bar scaled to the largest, with its label and count', async () => {
    renderInTestApp(<SeverityBars counts={counts(1, 4, 2, 0)} />);
    const chart = await screen.findByLabelText(
      'Open findings: 1 critical, 4 high, 2 medium',
    );
    const widths = [...chart.querySelectorAll('[data-severity]')].map(
      el => (el as HTMLElement).style.width,
    );
    expect(widths).toEqual(['25%', '100%', '50%', '0%']);
    expect(screen.getByText('High').nextSibling?.nextSibling).toHaveTextContent(
      '4',
    );
  });

  it('scales several charts alike with a shared maximum', async () => {
    renderInTestApp(<SeverityBars counts={counts(1, 0, 0, 0)} max={4} />);
    const chart = await screen.findByLabelText('Open findings: 1 critical');
    expect(
      (chart.querySelector('[data-severity="critical"]') as HTMLElement).style
        .width,
    ).toBe('25%');
  });

  it('describes counts without the zero ones', () => {
    const { t } = mockApis
      .translation()
      .getTranslation(defenderForContainersTranslationRef);
    expect(describeCounts(counts(0, 0, 0, 0), t)).toBe('no findings');
    expect(describeCounts(counts(0, 2, 0, 1), t)).toBe('2 high, 1 low');
  });
});
