import type { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { useDefenderPalette } from '../theme/defenderPalette';

const useStyles = makeStyles({
  section: { marginTop: 'var(--bui-space-5, 20px)' },
  // The About card's field labels: small, bold, upper case, secondary.
  title: {
    margin: '0 0 var(--bui-space-2, 8px)',
    textTransform: 'uppercase',
    fontSize: 'var(--bui-font-size-1, 0.625rem)',
    fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
    letterSpacing: 0.5,
  },
  keepCase: {
    textTransform: 'none',
    fontSize: 'var(--bui-font-size-2, 0.75rem)',
    letterSpacing: 0,
  },
});

/**
 * A part of a connector's panel under its own title (an h5: the connector's name is the h4).
 * `keepCase` for a title that names something (a repository), whose case must survive.
 */
export function Subsection(props: {
  title: ReactNode;
  keepCase?: boolean;
  children: ReactNode;
}) {
  const classes = useStyles();
  const palette = useDefenderPalette();
  return (
    <div className={classes.section}>
      <h5
        className={`${classes.title} ${props.keepCase ? classes.keepCase : ''}`}
        style={{ color: palette.secondaryText }}
      >
        {props.title}
      </h5>
      {props.children}
    </div>
  );
}
