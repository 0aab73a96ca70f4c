import { useState } from 'react';
import { Button, Flex, Link, Text } from '@backstage/ui';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import type {
  FindingsSummary,
  SeverityCounts,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { SeverityBars, StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { StatusText } from '../status/connectorStatusPresentation';
import { useDefenderPalette } from '../theme/defenderPalette';
import { useTimeFormat } from '../format/useTimeFormat';
import { SecondaryText } from '../theme/SecondaryText';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { DataTable } from './DataTable';
import { Subsection } from './Subsection';
import { shortImage } from '../format/shortImage';

/** Rows shown before "Show all": a connector may have hundreds of repositories. */
export const REPOSITORIES_SHOWN = 8;

/** Defender says nothing yet, which is not a clean bill of health: never "no findings" then. */
function NoFindingsData(props: { missingSince?: string }) {
  const { t } = useDefenderTranslation();
  const time = useTimeFormat();
  return (
    <div style={{ marginTop: 16 }}>
      <StatusText tone="warning">{t('findings.noData')}</StatusText>
      <SecondaryText as="p" variant="body-medium">
        {props.missingSince
          ? t('findings.noDataSince', { date: time.date(props.missingSince) })
          : t('findings.noDataEver')}{' '}
        {t('findings.noDataHint')}
      </SecondaryText>
    </div>
  );
}

/** Where the entity page's Findings tab is, under the entity's own page (both frontend systems). */
export const FINDINGS_TAB_PATH = 'defender-findings';

/**
 * How many findings have a fix (when the backend says: older ones do not) and the way to all of
 * them: the entity's Findings tab, a path under the entity's page, which is where both frontend
 * systems mount it.
 */
function FixableAndAllFindings(props: { fixable?: number }) {
  const { t } = useDefenderTranslation();
  const { entity } = useEntity();
  const entityLink = useEntityRefLink();
  return (
    <Flex gap="3" align="center" mt="2" style={{ flexWrap: 'wrap' }}>
      {props.fixable !== undefined && (
        <Text as="span" variant="body-medium">
          {t('findings.fixable', { count: props.fixable })}
        </Text>
      )}
      <Link
        href={`${entityLink(entity)}/${FINDINGS_TAB_PATH}`}
        variant="body-medium"
      >
        {t('findings.allFindings')}
      </Link>
    </Flex>
  );
}

/** Counts by severity, per repository, and the worst findings with the version that fixes them. */
export function FindingsSection(props: { findings: FindingsSummary }) {
  const { t } = useDefenderTranslation();
  const palette = useDefenderPalette();
  const { findings } = props;
  const [allRepositories, setAllRepositories] = useState(false);
  const total = totalOf(findings.totals);
  const repositories = findings.narrowedTo?.join(', ');

  if (findings.reported === false) {
    return <NoFindingsData missingSince={findings.missingSince} />;
  }
  if (total === 0) {
    return (
      <div style={{ marginTop: 16 }}>
        <StatusText tone="ok">
          {repositories
            ? t('findings.noneIn', { repositories })
            : t('findings.none')}
        </StatusText>
      </div>
    );
  }

  const byRisk = [...findings.repositories].sort(
    (a, b) =>
      b.counts.critical - a.counts.critical ||
      b.counts.high - a.counts.high ||
      totalOf(b.counts) - totalOf(a.counts) ||
      a.repository.localeCompare(b.repository),
  );
  const shown = allRepositories ? byRisk : byRisk.slice(0, REPOSITORIES_SHOWN);
  const maxRepo = Math.max(1, ...byRisk.map(r => totalOf(r.counts)));
  const severityKey = (s: string) => s.toLowerCase() as keyof SeverityCounts;

  return (
    <>
      {/* It names repositories, whose case an upper-case label would lose. */}
      <Subsection
        keepCase
        title={
          repositories
            ? t('findings.totalIn', { count: total, repositories })
            : t('findings.total', { count: total })
        }
      >
        <SeverityBars counts={findings.totals} />
        <FixableAndAllFindings fixable={findings.fixable} />
      </Subsection>

      {byRisk.length > 0 && (
        <Subsection title={t('findings.byRepository')}>
          {/* The bar belongs to the counts: one column, so every column has a header. */}
          <DataTable
            label={t('findings.byRepositoryLabel')}
            columns={[
              { title: t('findings.repository'), width: '45%' },
              { title: t('findings.images'), width: '15%', align: 'right' },
              { title: t('findings.findings'), width: '40%' },
            ]}
            rows={shown.map(r => ({
              key: r.repository,
              cells: [
                r.repository,
                r.images,
                <>
                  <StackedSeverityBar counts={r.counts} max={maxRepo} />
                  <div style={{ marginTop: 4 }}>
                    {describeCounts(r.counts, t)}
                  </div>
                </>,
              ],
            }))}
          />
          {byRisk.length > REPOSITORIES_SHOWN && (
            <Button
              variant="tertiary"
              size="small"
              onPress={() => setAllRepositories(v => !v)}
              style={{ marginTop: 8 }}
            >
              {allRepositories
                ? t('findings.showFewer', { count: REPOSITORIES_SHOWN })
                : t('findings.showAll', { count: byRisk.length })}
            </Button>
          )}
        </Subsection>
      )}

      {findings.worst.length > 0 && (
        <Subsection title={t('findings.worst')}>
          <DataTable
            label={t('findings.worstLabel')}
            columns={[
              { title: t('findings.finding'), width: '38%' },
              { title: t('findings.severity'), width: '17%' },
              { title: t('findings.fixedIn'), width: '17%' },
              { title: t('findings.images'), width: '28%' },
            ]}
            rows={findings.worst.map(w => ({
              key: `${w.title}|${w.images.join(',')}`,
              cells: [
                w.title,
                <span
                  style={{
                    color: palette.severity[severityKey(w.severity)].text,
                    fontWeight: 600,
                  }}
                >
                  {t(`severity.${severityKey(w.severity)}`)}
                </span>,
                w.fixedVersion ?? t('findings.noFixYet'),
                <span title={w.images.join(', ')}>
                  {w.images.length > 2
                    ? t('findings.moreImages', {
                        images: w.images.slice(0, 2).map(shortImage).join(', '),
                        count: w.images.length - 2,
                      })
                    : w.images.map(shortImage).join(', ')}
                </span>,
              ],
            }))}
          />
        </Subsection>
      )}
    </>
  );
}
