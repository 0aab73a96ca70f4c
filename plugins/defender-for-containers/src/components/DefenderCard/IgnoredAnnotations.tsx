import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { IgnoredAnnotation } from '@defender-backstage/plugin-defender-for-containers-common';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2.5) },
  value: { overflowWrap: 'anywhere' },
}));

/** Annotation values the backend left out, each with why, so the entity's owner can fix them. */
export function IgnoredAnnotations(props: { ignored: IgnoredAnnotation[] }) {
  const classes = useStyles();
  if (props.ignored.length === 0) return null;
  return (
    <Alert severity="warning" aria-label="Ignored annotation values">
      <Typography variant="body2">
        {props.ignored.length === 1
          ? 'One annotation value was ignored:'
          : `${props.ignored.length} annotation values were ignored:`}
      </Typography>
      <ul className={classes.list}>
        {props.ignored.map((i, n) => (
          <li key={`${i.annotation}|${i.value}|${n}`} className={classes.value}>
            <Typography variant="body2">
              <code>{i.annotation}</code>: <code>{i.value}</code> — {i.reason}
            </Typography>
          </li>
        ))}
      </ul>
    </Alert>
  );
}
