// @backstage/theme is what apps build their themes from (core-components depends on it); the
// test reads its light and dark themes, as an app hands them to the card.
import { themes } from '@backstage/theme';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { getContrastRatio, type Theme } from '@material-ui/core/styles';
import {
  defenderPalette,
  GRAPHIC_CONTRAST,
  TEXT_CONTRAST,
  withContrast,
} from './defenderPalette';

const THEMES: Array<[string, Theme]> = [
  ['light', themes.light.getTheme('v4') as Theme],
  ['dark', themes.dark.getTheme('v4') as Theme],
];

/**
 * The card's own background in each mode: Backstage UI's `--bui-bg-neutral-1`, read from the
 * stylesheet apps load, beside the MUI paper the palette is computed against.
 */
function cardBackground(mode: string): string {
  // through package.json: Jest maps `.css` imports to a stub
  const ui = dirname(require.resolve('@backstage/ui/package.json'));
  const css = readFileSync(join(ui, 'dist/css/styles.css'), 'utf8');
  const block = css.slice(css.indexOf(`[data-theme-mode='${mode}']`));
  const value = /--bui-bg-neutral-1:\s*([^;]+);/.exec(block)![1].trim();
  const variable = /^var\((--[\w-]+)\)$/.exec(value);
  return variable
    ? new RegExp(`${variable[1]}:\\s*([^;]+);`).exec(css)![1].trim()
    : value;
}

/** Every colour of the palette with what it must reach: [name, colour, minimum]. */
function requirements(theme: Theme): Array<[string, string, number]> {
  const palette = defenderPalette(theme);
  const pairs = [
    ...Object.entries(palette.severity).map(
      ([k, v]) => [`severity ${k}`, v] as const,
    ),
    ...Object.entries(palette.status).map(
      ([k, v]) => [`status ${k}`, v] as const,
    ),
  ];
  return [
    ...pairs.flatMap(
      ([name, pair]): Array<[string, string, number]> => [
        [`${name} (graphic)`, pair.graphic, GRAPHIC_CONTRAST],
        [`${name} (text)`, pair.text, TEXT_CONTRAST],
      ],
    ),
    ['trend total line', palette.trend.total, GRAPHIC_CONTRAST],
    ['trend critical line', palette.trend.critical, GRAPHIC_CONTRAST],
    ['secondary text', palette.secondaryText, TEXT_CONTRAST],
  ];
}

describe('defenderPalette', () => {
  it.each(THEMES)(
    'keeps graphics at 3:1 and text at 4.5:1 on the %s card',
    (mode, theme) => {
      const backgrounds = [
        theme.palette.background.paper,
        cardBackground(mode),
      ];
      const ratios = requirements(theme).flatMap(([name, color, minimum]) =>
        backgrounds.map(background => ({
          name,
          background,
          ratio: Number(getContrastRatio(color, background).toFixed(2)),
          minimum,
        })),
      );
      expect(ratios.filter(r => r.ratio < r.minimum)).toEqual([]);
    },
  );

  it('fixes what the themes themselves would fail (their light warning is 2.1:1 on white)', () => {
    const light = THEMES[0][1];
    const raw = light.palette.status.warning;
    expect(getContrastRatio(raw, '#ffffff')).toBeLessThan(GRAPHIC_CONTRAST);
    expect(
      getContrastRatio(
        defenderPalette(light).severity.medium.graphic,
        '#ffffff',
      ),
    ).toBeGreaterThanOrEqual(GRAPHIC_CONTRAST);
  });

  it('gives light and dark themes their own colours', () => {
    const [light, dark] = THEMES.map(([, theme]) => defenderPalette(theme));
    expect(light.severity.critical.graphic).not.toBe(
      dark.severity.critical.graphic,
    );
    expect(light.status.ok.text).not.toBe(dark.status.ok.text);
  });

  it('leaves a colour that already reads alone, and moves one that does not', () => {
    expect(withContrast('#000000', '#ffffff', 3)).toBe('#000000');
    expect(
      getContrastRatio(withContrast('#ffff00', '#ffffff', 4.5), '#ffffff'),
    ).toBeGreaterThanOrEqual(4.5);
    expect(
      getContrastRatio(withContrast('#202020', '#303030', 3), '#303030'),
    ).toBeGreaterThanOrEqual(3);
  });
});
