import { useState } from 'react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import RefreshIcon from '@material-ui/icons/Refresh';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import {
  connectorEntityRef,
  type ConnectorHealth,
  type EntityDefenderResponse,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { useConnectorRefresh } from '../../hooks/useConnectorRefresh';
import { TrendSparkline } from '../charts/TrendSparkline';
import { describeCounts } from '../charts/severities';
import { absoluteTime, relativeTime } from '../format/relativeTime';
import { ConnectorHeading } from './ConnectorHeading';
import { FindingsSection } from './FindingsSection';
import { IssueList } from './IssueList';
import { Subsection } from './Subsection';

const useStyles = makeStyles(theme => ({
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    marginTop: theme.spacing(1),
  },
  section: { marginTop: theme.spacing(2) },
  actions: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    marginTop: theme.spacing(2),
  },
}));

function RefreshAction(props: {
  entityRef: CompoundEntityRef;
  connector: ConnectorHealth;
  onResponse: (response: EntityDefenderResponse) => void;
}) {
  const { state, refresh } = useConnectorRefresh({
    entityRef: props.entityRef,
    connectorId: props.connector.id,
    onResponse: props.onResponse,
  });
  const busy = state.phase === 'requesting' || state.phase === 'waiting';
  let note: string | undefined;
  if (state.phase === 'requesting') note = 'Asking Azure…';
  if (state.phase === 'waiting') note = 'Reading the connector from Azure…';
  if (state.phase === 'done') note = 'Refreshed.';
  if (state.phase === 'timedOut') {
    note =
      'Still refreshing in the background; reload the page in a minute to see it.';
  }
  if (state.phase === 'failed') note = state.message;
  return (
    <>
      <Button
        variant="outlined"
        size="small"
        color="primary"
        startIcon={<RefreshIcon />}
        onClick={refresh}
        disabled={busy}
      >
        {busy ? 'Refreshing…' : 'Refresh'}
      </Button>
      {note && (
        <Typography
          variant="body2"
          color={state.phase === 'failed' ? 'error' : 'textSecondary'}
          role="status"
        >
          {note}
        </Typography>
      )}
    </>
  );
}

/** One connector: status, what is wrong and how to fix it, findings, trend and freshness. */
export function ConnectorPanel(props: {
  connector: ConnectorHealth;
  entityRef: CompoundEntityRef;
  /** The card sits on this connector's own entity page: no link to itself. */
  isOwnEntity: boolean;
  canRefresh: boolean;
  onResponse: (response: EntityDefenderResponse) => void;
  /**
   * One line (status and counts) until opened: for cards with many connectors, which stay
   * readable, and quick to render, that way.
   */
  collapsible?: boolean;
}) {
  const { connector: c, entityRef, isOwnEntity, canRefresh } = props;
  const { onResponse, collapsible = false } = props;
  const [open, setOpen] = useState(!collapsible);
  const idPrefix = `defender-${c.organization}`;

  return (
    <section aria-labelledby={`${idPrefix}-title`}>
      <ConnectorHeading
        title={`Docker Hub ${c.organization}`}
        status={c.status}
        id={`${idPrefix}-title`}
      >
        {/* In a one-line row the link waits for "Details": fifty catalog links cost more than they help. */}
        {!isOwnEntity && open && (
          <EntityRefLink
            entityRef={connectorEntityRef(c.organization)}
            title="Connector in the catalog"
          />
        )}
        {collapsible && (
          <>
            <Typography variant="body2" color="textSecondary">
              {c.issueCount > 0
                ? `${c.issueCount} issue${c.issueCount > 1 ? 's' : ''} · `
                : ''}
              {describeCounts(c.findings.totals)}
            </Typography>
            <Button
              size="small"
              onClick={() => setOpen(v => !v)}
              aria-expanded={open}
              aria-controls={`${idPrefix}-details`}
              aria-label={`${open ? 'Hide details' : 'Details'} of Docker Hub ${
                c.organization
              }`}
              endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
            >
              {open ? 'Hide details' : 'Details'}
            </Button>
          </>
        )}
      </ConnectorHeading>
      {open && (
        <div id={`${idPrefix}-details`}>
          <ConnectorDetails
            connector={c}
            entityRef={entityRef}
            canRefresh={canRefresh}
            onResponse={onResponse}
          />
        </div>
      )}
    </section>
  );
}

/** Everything below a connector's heading. */
function ConnectorDetails(props: {
  connector: ConnectorHealth;
  entityRef: CompoundEntityRef;
  canRefresh: boolean;
  onResponse: (response: EntityDefenderResponse) => void;
}) {
  const classes = useStyles();
  const { connector: c, entityRef, canRefresh, onResponse } = props;
  const idPrefix = `defender-${c.organization}`;
  return (
    <>
      <Typography variant="body2" className={classes.section}>
        {c.message}
      </Typography>

      {c.status === 'stale' && (
        <Alert severity="warning" className={classes.section}>
          Showing the last good data, as of{' '}
          <span title={absoluteTime(c.refreshedAt)}>
            {relativeTime(c.refreshedAt)}
          </span>
          . Backstage has not been able to refresh it since{' '}
          {absoluteTime(c.staleSince)}
          {c.lastError ? `: ${c.lastError}` : '.'}
        </Alert>
      )}

      {c.plans.warnings.map(w => (
        <Alert key={w} severity="info" className={classes.section}>
          {w}
        </Alert>
      ))}

      {c.issues.length > 0 && (
        <Subsection title="What is wrong and how to fix it">
          <IssueList issues={c.issues} idPrefix={idPrefix} />
        </Subsection>
      )}

      {c.status === 'pending' || c.reportedStatus === 'pending' ? (
        <Typography
          variant="body2"
          color="textSecondary"
          className={classes.section}
        >
          Vulnerability findings appear after Defender’s first scan of the
          organization’s images.
        </Typography>
      ) : (
        <FindingsSection findings={c.findings} />
      )}

      {c.trend.length > 0 && (
        <Subsection title="Trend">
          <TrendSparkline trend={c.trend} />
        </Subsection>
      )}

      <Box className={classes.meta}>
        <Typography variant="caption" color="textSecondary">
          {c.subscriptionName} · {c.resourceGroup}
          {c.scanIntervalHours
            ? ` · scanned every ${c.scanIntervalHours} h`
            : ''}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Last scanned by Defender:{' '}
          <span title={absoluteTime(c.lastScannedAt)}>
            {relativeTime(c.lastScannedAt)}
          </span>
        </Typography>
        <Typography variant="caption" color="textSecondary">
          Last refreshed:{' '}
          <span title={absoluteTime(c.refreshedAt)}>
            {relativeTime(c.refreshedAt)}
          </span>
        </Typography>
      </Box>

      <div className={classes.actions}>
        {canRefresh && (
          <RefreshAction
            entityRef={entityRef}
            connector={c}
            onResponse={onResponse}
          />
        )}
        <Link to={c.portalUrl} externalLinkIcon>
          Open in the Azure portal
        </Link>
      </div>
    </>
  );
}
