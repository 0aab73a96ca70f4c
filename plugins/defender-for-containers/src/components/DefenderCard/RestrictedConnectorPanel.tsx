import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RestrictedConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  body: { marginTop: theme.spacing(1) },
}));

/**
 * A connector the viewer may not see (`health.readScope: connector-entity`): its organization and
 * why, nothing else — no status, counts or links.
 */
export function RestrictedConnectorPanel(props: {
  restricted: RestrictedConnector;
}) {
  const classes = useStyles();
  const name = `Docker Hub ${props.restricted.organization}`;
  return (
    <section aria-label={name}>
      <div className={classes.header}>
        <Typography variant="h6" component="h3" className={classes.title}>
          {name}
        </Typography>
        <ConnectorStatusLabel status="notAllowed" />
      </div>
      <Typography variant="body2" className={classes.body}>
        {props.restricted.message}
      </Typography>
    </section>
  );
}
