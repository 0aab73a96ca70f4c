import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import { CodeSnippet } from '@backstage/core-components';
import { connectorReadPermission } from '@defender-backstage/plugin-defender-for-containers-common';
import type { DescribedError } from '../format/describeError';

const useStyles = makeStyles(theme => ({
  text: { marginTop: theme.spacing(1) },
}));

// Short lines: the card may be half a page wide.
const CONFIG_EXAMPLE = `defenderForContainers:
  azure:
    credential:
      type: workloadIdentity # or clientSecret, …
    subscriptions:
      - id: <subscription GUID>
        resourceGroups: [<group>]`;

/**
 * Why the card has no data, in words a service owner can act on: the backend's message (never a
 * stack), and for 403 and 503 what to ask for or configure.
 */
export function LoadError(props: { error: DescribedError }) {
  const classes = useStyles();
  const { status, message } = props.error;
  if (status === 403) {
    return (
      <Alert severity="info" aria-label="Not allowed">
        <Typography variant="body2">
          You may not see Defender for Containers health. Ask your Backstage
          administrators for the permission{' '}
          <code>{connectorReadPermission.name}</code>.
        </Typography>
      </Alert>
    );
  }
  if (status === 503) {
    return (
      <div>
        <Alert severity="warning" aria-label="Not configured">
          <Typography variant="body2">
            Defender for Containers is not configured in this Backstage yet.
          </Typography>
          <Typography variant="body2" className={classes.text}>
            {message}
          </Typography>
        </Alert>
        <Typography variant="body2" className={classes.text}>
          The Backstage operators add to the backend’s app-config:
        </Typography>
        <CodeSnippet text={CONFIG_EXAMPLE} language="yaml" />
      </div>
    );
  }
  return (
    <Alert severity="error" aria-label="Could not load">
      <Typography variant="body2">
        Could not load Defender for Containers health
        {status ? ` (HTTP ${status})` : ''}:
      </Typography>
      <Typography variant="body2" className={classes.text}>
        {message}
      </Typography>
    </Alert>
  );
}
