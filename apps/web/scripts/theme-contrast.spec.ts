// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const styles = readFileSync(join(import.meta.dirname, '..', 'src', 'styles.css'), 'utf8');

/** The custom properties declared in the first block of `styles.css` that starts with `selector`. */
function themeColours(selector: string): Map<string, string> {
  const start = styles.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const body = styles.slice(start, styles.indexOf('}', start));
  const colours = new Map<string, string>();
  for (const match of body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
    colours.set(match[1] ?? '', (match[2] ?? '').toLowerCase());
  }
  return colours;
}

/** WCAG 2.x relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((offset) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [red = 0, green = 0, blue = 0] = channels;
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** WCAG contrast ratio of two colours (1 to 21). */
function contrastRatio(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

const backgrounds = ['bg', 'surface', 'surface-2'] as const;
/** Text colours and the backgrounds they are drawn on (WCAG AA, normal text: 4.5:1). */
const textPairs: [text: string, on: readonly string[]][] = [
  ['text', [...backgrounds, 'code-bg']],
  ['muted', backgrounds],
  ['link', ['bg', 'surface']],
  ['danger', ['bg', 'surface']],
  ['ok', ['bg', 'surface']],
  ['brand-text', ['brand']],
];
/** Non-text indicators (focus ring) need 3:1 against what they sit on (WCAG 1.4.11). */
const indicatorPairs: [colour: string, on: readonly string[]][] = [['focus', backgrounds]];

const themes = {
  light: ':root',
  'dark (system)': "  :root:not([data-theme='light'])",
  'dark (chosen)': ":root[data-theme='dark']",
} as const;

describe('theme colours meet WCAG AA contrast', () => {
  it('should compute known ratios (black on white is 21:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  for (const [theme, selector] of Object.entries(themes)) {
    it(`should keep text at 4.5:1 and the focus ring at 3:1 in the ${theme} theme`, () => {
      const colours = themeColours(selector);
      const failures: string[] = [];
      const check = (pairs: [string, readonly string[]][], minimum: number) => {
        for (const [foreground, on] of pairs) {
          for (const background of on) {
            const a = colours.get(foreground);
            const b = colours.get(background);
            expect(a, `--${foreground}`).toBeDefined();
            expect(b, `--${background}`).toBeDefined();
            const ratio = contrastRatio(a ?? '', b ?? '');
            if (ratio < minimum) {
              failures.push(`--${foreground} on --${background}: ${ratio.toFixed(2)}:1 < ${minimum}:1`);
            }
          }
        }
      };
      check(textPairs, 4.5);
      check(indicatorPairs, 3);
      expect(failures).toEqual([]);
    });
  }

  it('should give the system dark theme and the chosen dark theme the same colours', () => {
    expect(Object.fromEntries(themeColours(themes['dark (chosen)']))).toEqual(
      Object.fromEntries(themeColours(themes['dark (system)'])),
    );
  });
});
