import { useId, type ReactNode } from 'react';
import { makeStyles } from '@material-ui/core/styles';
import { useDefenderPalette } from '../theme/defenderPalette';

const useStyles = makeStyles({
  section: { marginTop: 'var(--bui-space-5, 20px)' },
  // The entity card's subsection titles (the About card's field labels), one level up: the
  // roll-up has no connector headings between its title (h3) and its parts.
  title: {
    margin: '0 0 var(--bui-space-2, 8px)',
    textTransform: 'uppercase',
    fontSize: 'var(--bui-font-size-1, 0.625rem)',
    fontWeight: 'var(--bui-font-weight-bold, 600)' as any,
    letterSpacing: 0.5,
  },
});

/** A part of the roll-up card under its own title, an h4 that also names the section. */
export function RollupSection(props: {
  title: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const classes = useStyles();
  const palette = useDefenderPalette();
  const id = useId();
  return (
    <section
      className={classes.section}
      aria-labelledby={id}
      data-testid={props['data-testid']}
    >
      <h4
        id={id}
        className={classes.title}
        style={{ color: palette.secondaryText }}
      >
        {props.title}
      </h4>
      {props.children}
    </section>
  );
}
