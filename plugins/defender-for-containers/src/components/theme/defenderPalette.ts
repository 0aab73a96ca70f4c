import {
  darken,
  decomposeColor,
  getContrastRatio,
  getLuminance,
  lighten,
  recomposeColor,
  useTheme,
  type Theme,
} from '@material-ui/core/styles';
import type { SeverityCounts } from '@defender-backstage/plugin-defender-for-containers-common';

/** WCAG 2.1: non-text contrast (1.4.11) and text contrast (1.4.3), with a little headroom. */
export const GRAPHIC_CONTRAST = 3;
export const TEXT_CONTRAST = 4.5;
// Backstage UI's card background (`--bui-bg-neutral-1`) is a shade off the MUI paper the colours
// are computed against (#424141 beside #424242 in the dark theme); the headroom covers that.
const HEADROOM = 0.15;

/** A colour for shapes (bars, lines, icons) and one for text, both readable on the card. */
export interface ContrastPair {
  graphic: string;
  text: string;
}

export type StatusTone = 'ok' | 'error' | 'warning' | 'pending';

export interface DefenderPalette {
  /** What the colours were made readable against: the theme's paper. */
  background: string;
  severity: Record<keyof SeverityCounts, ContrastPair>;
  status: Record<StatusTone, ContrastPair>;
  trend: { total: string; critical: string };
  /**
   * Secondary text (captions, labels, hints). Backstage UI's own `--bui-fg-secondary` is 4.0:1
   * on its dark card; this one reaches 4.5:1 on the card and on the page around it.
   */
  secondaryText: string;
  /** The empty part of a bar: decoration, so no contrast requirement. */
  track: string;
}

/** `a` and `b` mixed in sRGB, `weight` of `b`. */
function mix(a: string, b: string, weight: number): string {
  const ca = decomposeColor(a).values;
  const cb = decomposeColor(b).values;
  const values = [0, 1, 2].map(i =>
    Math.round(ca[i] * (1 - weight) + cb[i] * weight),
  ) as [number, number, number];
  return recomposeColor({ type: 'rgb', values });
}

/**
 * `color`, darkened on a light background or lightened on a dark one until it reaches
 * `minimum` against `background`: a theme's own status colours (Backstage's light `warning` is
 * 2.2:1 on white) become readable without leaving the theme's hues.
 */
export function withContrast(
  color: string,
  background: string,
  minimum: number,
): string {
  const towardsWhite = getLuminance(background) < 0.5;
  let adjusted = color;
  for (let step = 0; step < 40; step++) {
    if (getContrastRatio(adjusted, background) >= minimum + HEADROOM) break;
    adjusted = towardsWhite ? lighten(adjusted, 0.06) : darken(adjusted, 0.06);
  }
  return adjusted;
}

function pair(color: string, background: string): ContrastPair {
  return {
    graphic: withContrast(color, background, GRAPHIC_CONTRAST),
    text: withContrast(color, background, TEXT_CONTRAST),
  };
}

const cache = new WeakMap<Theme, DefenderPalette>();

/**
 * Severity, status and trend colours from the theme's own palette (its status colours and
 * primary), each made readable on the theme's paper: graphics at least 3:1, text at least 4.5:1,
 * in light and dark themes alike.
 */
export function defenderPalette(theme: Theme): DefenderPalette {
  const cached = cache.get(theme);
  if (cached) return cached;
  const { palette } = theme;
  const background = palette.background.paper;
  const status = palette.status;
  const result: DefenderPalette = {
    background,
    severity: {
      critical: pair(status.error, background),
      high: pair(mix(status.error, status.warning, 0.5), background),
      medium: pair(status.warning, background),
      low: pair(status.running, background),
    },
    status: {
      ok: pair(status.ok, background),
      error: pair(status.error, background),
      warning: pair(status.warning, background),
      pending: pair(status.aborted, background),
    },
    trend: {
      total: withContrast(palette.primary.main, background, GRAPHIC_CONTRAST),
      critical: pair(status.error, background).graphic,
    },
    secondaryText: withContrast(
      mix(palette.text.primary, background, 0.4),
      background,
      TEXT_CONTRAST,
    ),
    track: palette.action.hover,
  };
  cache.set(theme, result);
  return result;
}

/** The palette of the theme in use (light or dark, as the user chose). */
export function useDefenderPalette(): DefenderPalette {
  return defenderPalette(useTheme());
}
