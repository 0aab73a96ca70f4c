import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { RestrictedConnector } from '@defender-backstage/plugin-defender-for-containers-common';
import { ConnectorHeading } from './ConnectorHeading';

const useStyles = makeStyles(theme => ({
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
      <ConnectorHeading title={name} status="notAllowed" />
      <Typography variant="body2" className={classes.body}>
        {props.restricted.message}
      </Typography>
    </section>
  );
}
