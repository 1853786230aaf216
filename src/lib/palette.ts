/**
 * The hub's colours, all from the one accent in `content/site.yaml` (`theme.accent`): the pages in
 * light and dark, the share cards and the favicon, so a person's brand is one setting and everything
 * that carries their name looks like one thing.
 *
 * Contrast follows WCAG 2.2 (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio): link and body text need
 * 4.5:1 against what is behind them (AA, 1.4.3); a colour the person sets that falls short fails the
 * build naming the field (src/schemas/site.ts asks `paletteProblems`). Colours the hub works out
 * itself (the dark-mode accent, the card colours, the text on an accent button) are chosen to pass.
 */

/** `#rrggbb`. */
export type Hex = `#${string}`;

/** The page colours around the accent, light and dark: a neutral frame the accent sits in. */
export const PAGE = {
  light: {
    bg: '#ffffff',
    fg: '#1f2328',
    muted: '#57606a',
    rule: '#d0d7de',
    surface: '#f6f8fa',
    emptyDay: '#eef1f4',
    emptyDayEdge: '#8c959f',
  },
  dark: {
    bg: '#0d1117',
    fg: '#e6edf3',
    muted: '#9ea7b3',
    rule: '#30363d',
    surface: '#161b22',
    emptyDay: '#161b22',
    emptyDayEdge: '#6e7681',
  },
} as const;

/** WCAG AA for normal text. */
export const TEXT_CONTRAST = 4.5;
/**
 * What the colours the hub works out for dark backgrounds aim at: WCAG AAA's 7:1. A colour that only
 * just reaches 4.5:1 on a dark page looks dim next to the light text around it.
 */
const DERIVED_CONTRAST = 7;
/** WCAG AA for large text and graphics (the cards' kind label is large, bold text; the photo ring a graphic). */
export const LARGE_CONTRAST = 3;

const NEAR_WHITE = '#f8fafc';
const NEAR_BLACK = '#0d1117';

type Rgb = [number, number, number];

function rgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function hex([r, g, b]: Rgb): Hex {
  return `#${[r, g, b].map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance of an sRGB colour. */
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `colour` moved `amount` (0–1) of the way to `target`, in sRGB. */
function mix(colour: string, target: string, amount: number): Hex {
  const from = rgb(colour);
  const to = rgb(target);
  return hex(from.map((channel, index) => channel + (to[index]! - channel) * amount) as Rgb);
}

/**
 * The first shade of `colour` that has `ratio` against `background`, the colour itself when it already
 * has: lighter on a dark background, darker on a light one, in steps of 2% so the hue stays.
 */
function readableShade(colour: string, background: string, ratio: number): Hex {
  const target = luminance(background) < 0.18 ? '#ffffff' : '#000000';
  for (let step = 0; step <= 50; step += 1) {
    const shade = mix(colour, target, step / 50);
    if (contrast(shade, background) >= ratio) return shade;
  }
  return target;
}

/**
 * Three steps of the accent for the presence calendar: the first with 3:1 against an empty day (a
 * graphic, WCAG 1.4.11; the empty day sits between it and the page, so the page is further still), each
 * next one 1.7:1 from the one before, so the days read apart. They are taken in order along one line
 * from the page through the accent to black (light) or white (dark), so the middle keeps the accent's hue.
 */
function presenceSteps(accent: string, page: (typeof PAGE)['light' | 'dark']): [Hex, Hex, Hex] {
  const far = luminance(page.bg) < 0.18 ? '#ffffff' : '#000000';
  const along = (u: number): Hex => (u <= 0.5 ? mix(page.bg, accent, u * 2) : mix(accent, far, u * 2 - 1));
  const next = (from: number, against: string, ratio: number): number => {
    for (let u = from; u <= 1; u += 0.01) if (contrast(along(u), against) >= ratio) return u;
    return 1;
  };
  const first = next(0, page.emptyDay, LARGE_CONTRAST);
  const second = next(first, along(first), STEP_CONTRAST);
  const third = next(second, along(second), STEP_CONTRAST);
  return [along(first), along(second), along(third)];
}

/** Near-white or near-black, whichever reads better on `background`. */
function textOn(background: string): Hex {
  return contrast(NEAR_WHITE, background) >= contrast(NEAR_BLACK, background) ? NEAR_WHITE : NEAR_BLACK;
}

/** What `theme:` in site.yaml may say (src/schemas/site.ts); everything but the accent is optional. */
export interface ThemeSettings {
  accent: string;
  accentDark?: string | undefined;
  cardBackground?: string | undefined;
  cardText?: string | undefined;
  cardAccent?: string | undefined;
}

/** What one colour scheme of the pages takes from the accent. */
export interface SchemeColours {
  accent: Hex;
  accentFg: Hex;
  /** The impact page's presence calendar: 1, 2, and 3 or more pieces a day, each further from the page. */
  presence: [Hex, Hex, Hex];
}

/** A graphic's contrast with the page (WCAG 1.4.11), and between one step of the calendar and the next. */
const STEP_CONTRAST = 1.7;

export interface Palette {
  light: SchemeColours;
  dark: SchemeColours;
  card: { background: Hex; text: Hex; accent: Hex };
}

/** Every colour the hub uses, from the settings: what is not set is worked out from the accent. */
export function palette(theme: ThemeSettings): Palette {
  const accent = theme.accent as Hex;
  const accentDark = (theme.accentDark as Hex | undefined) ?? readableShade(accent, PAGE.dark.bg, DERIVED_CONTRAST);
  // A deep shade of the accent behind the card's text, and a light tint of it for the label and ring.
  const cardBackground = (theme.cardBackground as Hex | undefined) ?? mix(accent, '#000000', 0.72);
  const cardText = (theme.cardText as Hex | undefined) ?? textOn(cardBackground);
  const cardAccent = (theme.cardAccent as Hex | undefined) ?? readableShade(accent, cardBackground, DERIVED_CONTRAST);
  return {
    light: { accent, accentFg: textOn(accent), presence: presenceSteps(accent, PAGE.light) },
    dark: { accent: accentDark, accentFg: textOn(accentDark), presence: presenceSteps(accentDark, PAGE.dark) },
    card: { background: cardBackground, text: cardText, accent: cardAccent },
  };
}

export interface PaletteProblem {
  /** The field under `theme`. */
  field: keyof ThemeSettings;
  message: string;
}

/** The colours the person set that fail WCAG AA where the hub puts them; none when every one passes. */
export function paletteProblems(theme: ThemeSettings): PaletteProblem[] {
  const colours = palette(theme);
  const checks: Array<{ field: keyof ThemeSettings; colour: string; against: string; where: string; ratio: number; fix: string }> = [
    {
      field: 'accent',
      colour: colours.light.accent,
      against: PAGE.light.bg,
      where: 'the light page',
      ratio: TEXT_CONTRAST,
      fix: 'a darker colour',
    },
    {
      field: 'accentDark',
      colour: colours.dark.accent,
      against: PAGE.dark.bg,
      where: 'the dark page',
      ratio: TEXT_CONTRAST,
      fix: 'a lighter colour',
    },
    {
      field: 'cardText',
      colour: colours.card.text,
      against: colours.card.background,
      where: 'the card background',
      ratio: TEXT_CONTRAST,
      fix: 'a colour further from cardBackground',
    },
    {
      field: 'cardAccent',
      colour: colours.card.accent,
      against: colours.card.background,
      where: 'the card background',
      ratio: LARGE_CONTRAST,
      fix: 'a colour further from cardBackground',
    },
  ];
  return checks
    .filter((check) => theme[check.field] !== undefined)
    .flatMap(({ field, colour, against, where, ratio, fix }) => {
      const found = contrast(colour, against);
      if (found >= ratio) return [];
      const shown = `${Math.floor(found * 100) / 100}:1`;
      return [{ field, message: `is ${colour}, ${shown} against ${where} (${against}), below WCAG AA's ${ratio}:1 — use ${fix}` }];
    });
}

/** The stylesheet that gives the pages their colours (the custom properties global.css uses). */
export function paletteCss(colours: Palette): string {
  const block = (page: (typeof PAGE)['light' | 'dark'], accent: SchemeColours) =>
    [
      `  --bg: ${page.bg};`,
      `  --fg: ${page.fg};`,
      `  --muted: ${page.muted};`,
      `  --rule: ${page.rule};`,
      `  --surface: ${page.surface};`,
      `  --presence-0: ${page.emptyDay};`,
      `  --presence-edge: ${page.emptyDayEdge};`,
      `  --accent: ${accent.accent};`,
      `  --accent-fg: ${accent.accentFg};`,
      ...accent.presence.map((step, index) => `  --presence-${index + 1}: ${step};`),
    ].join('\n');
  return [
    '/* The palette from content/site.yaml (src/lib/palette.ts). */',
    `:root {\n${block(PAGE.light, colours.light)}\n}`,
    `@media (prefers-color-scheme: dark) {\n:root {\n${block(PAGE.dark, colours.dark)}\n}\n}`,
    '',
  ].join('\n');
}

/** The favicon: the person's initials on the accent, as the cards and pages show them. */
export function faviconSvg(name: string, colours: Palette): string {
  const initials = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => [...word][0]!.toUpperCase())
    .filter((_, index, all) => index === 0 || index === all.length - 1)
    .join('');
  const escaped = initials.replace(/[<>&"']/g, (character) => `&#${character.codePointAt(0)};`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">` +
    `<circle cx="16" cy="16" r="16" fill="${colours.light.accent}"/>` +
    `<text x="16" y="21.5" font-family="system-ui, sans-serif" font-size="15" font-weight="700" fill="${colours.light.accentFg}" text-anchor="middle">${escaped}</text>` +
    `</svg>\n`
  );
}
