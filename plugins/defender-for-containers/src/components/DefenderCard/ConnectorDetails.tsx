import { Alert, Text } from '@backstage/ui';
import { makeStyles } from '@material-ui/core/styles';
import { defenderPalette } from '../theme/defenderPalette';
import type { ReactNode } from 'react';
import type { ConnectorHealth } from '@defender-backstage/plugin-defender-for-containers-common';
import type { ConnectorRefresh } from '../../hooks/useConnectorRefresh';
import { SecondaryText } from '../theme/SecondaryText';
import { useDefenderTranslation } from '../../translation/useDefenderTranslation';
import { TrendSparkline } from '../charts/TrendSparkline';
import { useTimeFormat } from '../format/useTimeFormat';
import { RefreshStatus } from './RefreshStatus';
import { FindingsSection } from './FindingsSection';
import { IssueList } from './IssueList';
import { Subsection } from './Subsection';
import { TokenExpiryLine } from './TokenExpiryLine';

const useStyles = makeStyles(theme => ({
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
    gap: 'var(--bui-space-3, 12px)',
    margin: 'var(--bui-space-5, 20px) 0 0',
  },
  // The About card's field: a small upper-case label above its value.
  label: {
    color: defenderPalette(theme).secondaryText,
    textTransform: 'uppercase',
    fontSize: 'var(--bui-font-size-1, 0.625rem)',
    fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
    letterSpacing: 0.5,
    marginBottom: 'var(--bui-space-1, 4px)',
  },
  value: {
    margin: 0,
    fontSize: 'var(--bui-font-size-3, 0.875rem)',
    fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
    overflowWrap: 'anywhere',
  },
}));

function Field(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div>
      <dt className={classes.label}>{props.label}</dt>
      <dd className={classes.value}>{props.children}</dd>
    </div>
  );
}

/** A time as "3 hours ago", with the date and time as its tooltip. */
function Time(props: { iso?: string }) {
  const time = useTimeFormat();
  return (
    <span title={time.absolute(props.iso)}>{time.relative(props.iso)}</span>
  );
}

/**
 * What the connector's status means here, in the app's language. The backend's `message` is an
 * English sentence; the card writes its own from the status (and Defender's issues say the rest).
 */
function useStatusSentence(c: ConnectorHealth): string {
  const { t } = useDefenderTranslation();
  const status = c.status === 'stale' ? c.reportedStatus : c.status;
  if (status === 'unhealthy') {
    return t('message.unhealthy', { count: Math.max(1, c.issues.length) });
  }
  return status === 'pending' ? t('message.pending') : t('message.healthy');
}

/** Everything below a connector's heading. */
export function ConnectorDetails(props: {
  connector: ConnectorHealth;
  refresh?: ConnectorRefresh;
}) {
  const classes = useStyles();
  const { t } = useDefenderTranslation();
  const { connector: c, refresh } = props;
  const sentence = useStatusSentence(c);
  return (
    <>
      {/* There from the first render, so its first message is announced. */}
      {refresh && <RefreshStatus refresh={refresh} />}
      <Text as="p" variant="body-medium" style={{ marginTop: 8 }}>
        {sentence}
      </Text>
      <TokenExpiryLine connector={c} />

      {c.status === 'stale' && (
        <Alert
          status="warning"
          icon
          mt="3"
          title={
            <>
              {t('card.staleData', {
                asOf: <Time iso={c.refreshedAt} />,
                since: <Time iso={c.staleSince} />,
              })}
              {c.lastError && (
                <>
                  {' '}
                  {t('card.staleError', {
                    error: <span lang="en">{c.lastError}</span>,
                  })}
                </>
              )}
            </>
          }
        />
      )}

      {c.plans.warnings.map(offering => (
        <Alert
          key={offering}
          status="info"
          icon
          mt="3"
          title={t('card.offeringOff', { offering })}
        />
      ))}

      {c.issues.length > 0 && (
        <Subsection title={t('card.whatIsWrong')}>
          <IssueList issues={c.issues} />
        </Subsection>
      )}

      {c.status === 'pending' || c.reportedStatus === 'pending' ? (
        <SecondaryText as="p" variant="body-medium" style={{ marginTop: 16 }}>
          {t('card.pendingFindings')}
        </SecondaryText>
      ) : (
        <FindingsSection findings={c.findings} />
      )}

      {c.trend.length > 0 && (
        <Subsection title={t('card.trend')}>
          <TrendSparkline trend={c.trend} />
        </Subsection>
      )}

      <dl className={classes.fields}>
        <Field label={t('meta.subscription')}>{c.subscriptionName}</Field>
        <Field label={t('meta.resourceGroup')}>{c.resourceGroup}</Field>
        {c.scanIntervalHours !== undefined && (
          <Field label={t('meta.scanInterval')}>
            {t('meta.scanIntervalValue', {
              hours: String(c.scanIntervalHours),
            })}
          </Field>
        )}
        <Field label={t('meta.lastScanned')}>
          <Time iso={c.lastScannedAt} />
        </Field>
        <Field label={t('meta.lastRefreshed')}>
          <Time iso={c.refreshedAt} />
        </Field>
      </dl>
    </>
  );
}
