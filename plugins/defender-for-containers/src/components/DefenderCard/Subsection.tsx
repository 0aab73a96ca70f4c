import type { ReactNode } from 'react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  section: { marginTop: theme.spacing(2) },
  subtitle: {
    marginBottom: theme.spacing(1),
    fontWeight: theme.typography.fontWeightBold as number,
  },
}));

/** A part of a connector's panel under its own subtitle (an h4: the connector's name is the h3). */
export function Subsection(props: { title: ReactNode; children: ReactNode }) {
  const classes = useStyles();
  return (
    <div className={classes.section}>
      <Typography
        variant="subtitle2"
        component="h4"
        className={classes.subtitle}
      >
        {props.title}
      </Typography>
      {props.children}
    </div>
  );
}
