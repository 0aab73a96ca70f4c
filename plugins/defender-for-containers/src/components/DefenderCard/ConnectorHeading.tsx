import type { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ConnectorStatus } from '@defender-backstage/plugin-defender-for-containers-common';
import { ConnectorStatusLabel } from '../status/connectorStatusPresentation';

const useStyles = makeStyles(theme => ({
  header: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
}));

/**
 * The first line of every connector entry on the card, whatever its state: its name as a heading
 * and its status, then whatever the entry adds (links, actions), wrapping on narrow cards.
 */
export function ConnectorHeading(props: {
  title: string;
  status: ConnectorStatus;
  /** For `aria-labelledby` of the entry's section. */
  id?: string;
  children?: ReactNode;
}) {
  const classes = useStyles();
  return (
    <div className={classes.header}>
      <Typography
        variant="h6"
        component="h3"
        id={props.id}
        className={classes.title}
      >
        {props.title}
      </Typography>
      <ConnectorStatusLabel status={props.status} />
      {props.children}
    </div>
  );
}
