import { describe, expect, test } from 'vitest';
import { contrast, faviconSvg, LARGE_CONTRAST, PAGE, palette, paletteCss, paletteProblems, TEXT_CONTRAST } from './palette.ts';
import { siteSchema } from '../schemas/site.ts';
import { issueProblems, formatProblem } from './validation.ts';

describe('contrast', () => {
  test('follows the WCAG formula', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Published figures: #767676 is the lightest grey with 4.5:1 on white; #1d4ed8 has about 6.7:1.
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrast('#1d4ed8', '#ffffff')).toBeCloseTo(6.7, 1);
  });
});

describe('palette', () => {
  const accents = ['#1d4ed8', '#1f6f73', '#b91c1c', '#6d28d9', '#0f172a', '#7a5a00'];

  test.each(accents)('every colour worked out from %s reads where the hub puts it', (accent) => {
    const colours = palette({ accent });
    expect(colours.light.accent).toBe(accent);
    expect(contrast(colours.light.accentFg, colours.light.accent)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrast(colours.dark.accent, PAGE.dark.bg)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrast(colours.dark.accentFg, colours.dark.accent)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrast(colours.card.text, colours.card.background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrast(colours.card.accent, colours.card.background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(paletteProblems({ accent })).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      const [one, two, three] = colours[scheme].presence;
      expect(contrast(one, PAGE[scheme].emptyDay)).toBeGreaterThanOrEqual(LARGE_CONTRAST);
      expect(contrast(one, PAGE[scheme].bg)).toBeGreaterThanOrEqual(LARGE_CONTRAST);
      expect(contrast(one, two)).toBeGreaterThanOrEqual(1.7);
      expect(contrast(two, three)).toBeGreaterThanOrEqual(1.7);
      expect(contrast(three, PAGE[scheme].bg)).toBeGreaterThan(contrast(one, PAGE[scheme].bg));
      expect(contrast(PAGE[scheme].emptyDayEdge, PAGE[scheme].bg)).toBeGreaterThanOrEqual(LARGE_CONTRAST);
    }
  });

  test('keeps the colours the person set', () => {
    const colours = palette({
      accent: '#1d4ed8',
      accentDark: '#9ab8ff',
      cardBackground: '#ffffff',
      cardText: '#111111',
      cardAccent: '#1d4ed8',
    });
    expect(colours.dark.accent).toBe('#9ab8ff');
    expect(colours.card).toEqual({ background: '#ffffff', text: '#111111', accent: '#1d4ed8' });
  });

  test('on a light card background the worked-out colours darken instead', () => {
    const colours = palette({ accent: '#1d4ed8', cardBackground: '#fafafa' });
    expect(contrast(colours.card.text, '#fafafa')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrast(colours.card.accent, '#fafafa')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });
});

describe('a colour that fails WCAG AA', () => {
  test('names the field, the ratio and the fix', () => {
    expect(paletteProblems({ accent: '#ffd700' })).toEqual([
      {
        field: 'accent',
        message: expect.stringMatching(
          /^is #ffd700, 1\.\d+:1 against the light page \(#ffffff\), below WCAG AA's 4\.5:1 — use a darker colour$/,
        ),
      },
    ]);
    expect(paletteProblems({ accent: '#1d4ed8', accentDark: '#1d4ed8' }).map((problem) => problem.field)).toEqual(['accentDark']);
    expect(
      paletteProblems({ accent: '#1d4ed8', cardBackground: '#333333', cardAccent: '#444444' }).map((problem) => problem.field),
    ).toEqual(['cardAccent']);
    expect(LARGE_CONTRAST).toBe(3);
  });

  test('fails site.yaml with one line naming the file and field', () => {
    const result = siteSchema.safeParse({ url: 'https://ada.example', theme: { accent: '#ffd700' } });
    expect(result.success).toBe(false);
    const lines = issueProblems('content/site.yaml', result.error!.issues).map(formatProblem);
    expect(lines).toEqual([expect.stringMatching(/^content\/site\.yaml: theme\.accent: is #ffd700, .* — use a darker colour$/)]);
  });
});

describe('paletteCss', () => {
  test('sets every colour global.css uses, light and dark', () => {
    const css = paletteCss(palette({ accent: '#1f6f73' }));
    for (const property of ['--bg', '--fg', '--muted', '--rule', '--surface', '--accent', '--accent-fg', '--presence-0', '--presence-3']) {
      expect(css.match(new RegExp(`${property}:`, 'g'))).toHaveLength(2);
    }
    expect(css).toContain('--accent: #1f6f73;');
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });
});

describe('faviconSvg', () => {
  test('the initials of the first and last names, escaped, on the accent', () => {
    const colours = palette({ accent: '#1f6f73' });
    expect(faviconSvg('Morwenna Hale', colours)).toContain('>MH</text>');
    expect(faviconSvg('Ada Byron Lovelace', colours)).toContain('>AL</text>');
    expect(faviconSvg('Ada', colours)).toContain('>A</text>');
    expect(faviconSvg('<script> &', colours)).toContain('>&#60;&#38;</text>');
    expect(faviconSvg('Ada', colours)).toContain('fill="#1f6f73"');
  });
});
