import type { CSSProperties, ReactNode } from 'react';
import { Text } from '@backstage/ui';
import { useDefenderPalette } from './defenderPalette';

/**
 * Backstage UI's `Text` in the palette's secondary colour, readable (4.5:1) in light and dark
 * themes, where `color="secondary"` is not on the dark card.
 */
export function SecondaryText(props: {
  as?: 'p' | 'span' | 'div';
  variant?: 'body-medium' | 'body-small';
  id?: string;
  className?: string;
  style?: CSSProperties;
  'aria-hidden'?: boolean;
  children: ReactNode;
}) {
  const palette = useDefenderPalette();
  const { as = 'span', variant = 'body-medium', style, ...rest } = props;
  return (
    <Text
      as={as}
      variant={variant}
      {...rest}
      style={{ color: palette.secondaryText, ...style }}
    />
  );
}
