import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link, type TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  connectorEntityRef,
  type ConnectorOverview,
} from '@defender-backstage/plugin-defender-for-containers-common';
import { StackedSeverityBar } from '../charts/SeverityBars';
import { describeCounts, totalOf } from '../charts/severities';
import { absoluteTime, relativeTime } from '../format/relativeTime';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';

const useStyles = makeStyles(theme => ({
  findings: { minWidth: 160 },
  counts: { marginTop: theme.spacing(0.5) },
  nowrap: { whiteSpace: 'nowrap' },
}));

/** The overview table's columns; `field` names what the backend sorts by. */
export function useConnectorColumns(): TableColumn<ConnectorOverview>[] {
  const classes = useStyles();
  return [
    {
      title: 'Organization',
      field: 'organization',
      highlight: true,
      render: c => (
        <>
          <EntityRefLink entityRef={connectorEntityRef(c.organization)}>
            {c.organization}
          </EntityRefLink>
          <Typography variant="caption" color="textSecondary" component="div">
            {c.subscriptionName}
          </Typography>
        </>
      ),
    },
    {
      title: 'Status',
      field: 'status',
      render: c => <ConnectorStatusLabel status={c.status} />,
    },
    {
      title: 'Issues',
      field: 'issueCount',
      sorting: false,
      type: 'numeric',
    },
    {
      title: 'Findings',
      field: 'findings',
      cellStyle: { minWidth: 170 },
      render: c =>
        c.findingsReported === false ? (
          <Typography variant="body2" color="textSecondary">
            no findings data yet
          </Typography>
        ) : (
          <div className={classes.findings}>
            <StackedSeverityBar
              counts={c.totals}
              max={Math.max(1, totalOf(c.totals))}
            />
            <Typography variant="body2" className={classes.counts}>
              {describeCounts(c.totals)}
            </Typography>
          </div>
        ),
    },
    {
      title: 'Owner',
      field: 'owner',
      render: c =>
        c.owner ? (
          <EntityRefLink entityRef={c.owner} defaultKind="group" />
        ) : (
          <Typography variant="body2" color="textSecondary">
            no owner tag
          </Typography>
        ),
    },
    {
      title: 'Refreshed',
      field: 'refreshedAt',
      render: c => (
        <span title={absoluteTime(c.refreshedAt)}>
          {relativeTime(c.refreshedAt)}
        </span>
      ),
    },
    {
      title: 'Azure',
      field: 'portalUrl',
      sorting: false,
      render: c => (
        <Link to={c.portalUrl} className={classes.nowrap}>
          Portal
        </Link>
      ),
    },
  ];
}
