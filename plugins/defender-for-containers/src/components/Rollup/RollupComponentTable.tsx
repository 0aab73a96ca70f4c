import { useState } from 'react';
import { Button } from '@backstage/ui';
import {
  EntityRefLink,
  humanizeEntityRef,
} from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import type { RollupComponent } from '@defender-backstage/plugin-defender-for-containers-common';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { DataTable } from '../DefenderCard/DataTable';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';
import { SecondaryText } from '../theme/SecondaryText';
import { RollupSection } from './RollupSection';

/** Rows shown before "Show all": a department may own hundreds of components. */
export const COMPONENTS_SHOWN = 10;

/** The backend's title, else the ref as the catalog writes it (`payments-api` in `default`). */
const nameOf = (c: RollupComponent) =>
  c.title ??
  humanizeEntityRef(parseEntityRef(c.entityRef), { defaultKind: 'component' });

/**
 * The components with Defender annotations, worst first in the backend's order (it knows the
 * status ranking; sorting again here could only disagree with it), each linked to its own entity
 * page, with its status and counts.
 */
export function RollupComponentTable(props: { components: RollupComponent[] }) {
  const { t } = useDefenderTranslation();
  const [all, setAll] = useState(false);
  const { components } = props;
  if (components.length === 0) return null;
  const shown = all ? components : components.slice(0, COMPONENTS_SHOWN);
  const max = Math.max(1, ...components.map(c => totalOf(c.counts)));
  return (
    <RollupSection title={t('rollup.components')}>
      <DataTable
        label={t('rollup.componentsLabel')}
        columns={[
          { title: t('rollup.component'), width: '40%' },
          { title: t('rollup.status'), width: '22%' },
          { title: t('rollup.findings'), width: '38%' },
        ]}
        rows={shown.map(c => ({
          key: c.entityRef,
          cells: [
            <EntityRefLink entityRef={c.entityRef} defaultKind="component">
              {nameOf(c)}
            </EntityRefLink>,
            <ConnectorStatusLabel status={c.status} />,
            <>
              <StackedSeverityBar counts={c.counts} max={max} />
              <div style={{ marginTop: 4 }}>{describeCounts(c.counts, t)}</div>
              {c.fixable > 0 && (
                <SecondaryText as="div" variant="body-small">
                  {t('rollup.componentFixable', { count: c.fixable })}
                </SecondaryText>
              )}
            </>,
          ],
        }))}
      />
      {components.length > COMPONENTS_SHOWN && (
        <Button
          variant="tertiary"
          size="small"
          onPress={() => setAll(v => !v)}
          style={{ marginTop: 8 }}
        >
          {all
            ? t('rollup.showFewer', { count: COMPONENTS_SHOWN })
            : t('rollup.showAll', { count: components.length })}
        </Button>
      )}
    </RollupSection>
  );
}
