/**
 * The share card's geometry and its satori templates (plain object trees, no JSX). A card is drawn in
 * two parts: the frame (background, photo, name, domain) is the same on every card and drawn once;
 * the text box (kind label and title) is drawn per card on the card's background and pasted into the
 * frame, where nothing else is drawn under it. Raise TEMPLATE_VERSION
 * whenever anything here changes how a card looks: it is part of every cache key.
 */
import type { CardFamilies } from './fonts.ts';

export const TEMPLATE_VERSION = 3;

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PADDING = 64;

/** Where the per-card text box sits on the frame: plain background there, nothing else drawn. */
export const TEXT_BOX = { left: PADDING + 8, top: PADDING, width: CARD_WIDTH - 2 * PADDING - 8, height: 380 } as const;

const PHOTO_SIZE = 112;

export interface CardTheme {
  background: string;
  text: string;
  accent: string;
}

/** What the frame shows: the same on every card of a site. */
export interface FrameFields {
  name: string;
  domain: string;
  /** The portrait as a data URI (small JPEG), so satori needs no file access. */
  photoDataUri: string;
  theme: CardTheme;
}

/** What one card shows on top of the frame. */
export interface CardText {
  /** Kind label, e.g. "Essay", "Theory · Working theory", "Talk · 10 Mar 2027". */
  label: string;
  title: string;
  /** A line under the title, e.g. the event a talk is given at. */
  context?: string;
}

interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: unknown; [key: string]: unknown };
}

const el = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

/** Title sizes from largest to smallest; the first whose estimated wrap fits is used. */
const TITLE_STEPS = [
  { fontSize: 76, maxLines: 3 },
  { fontSize: 66, maxLines: 3 },
  { fontSize: 58, maxLines: 4 },
  { fontSize: 50, maxLines: 4 },
  { fontSize: 44, maxLines: 5 },
] as const;

/** Inter Bold's average advance is about 0.58 em for mixed-case prose; wide letters are weighed more. */
function estimatedWidth(word: string, fontSize: number): number {
  let em = 0;
  for (const char of word) em += /[MWmw@%]/.test(char) ? 0.9 : /[A-Z0-9]/.test(char) ? 0.68 : /[iljt.,:;'’!|]/.test(char) ? 0.3 : 0.58;
  return em * fontSize;
}

function estimatedLines(title: string, fontSize: number, width: number): number {
  const space = 0.28 * fontSize;
  let lines = 1;
  let used = 0;
  for (const word of title.split(/\s+/).filter(Boolean)) {
    const w = estimatedWidth(word, fontSize);
    if (used > 0 && used + space + w > width) {
      lines += 1;
      used = w;
    } else {
      used += (used > 0 ? space : 0) + w;
    }
  }
  return lines;
}

/**
 * Chooses the title's size: long titles shrink, and the smallest size clamps to a few lines with an
 * ellipsis (satori's lineClamp), so a title can never overflow the card.
 */
export function fitTitle(title: string, width: number = TEXT_BOX.width): { fontSize: number; maxLines: number } {
  for (const step of TITLE_STEPS) {
    if (estimatedLines(title, step.fontSize, width) <= step.maxLines) return step;
  }
  return TITLE_STEPS[TITLE_STEPS.length - 1]!;
}

/**
 * Removes emoji (and the joiners, skin tones and variation selectors that build them): the card font
 * has no emoji, and a dropped emoji reads better than a box.
 */
export function dropEmoji(text: string): string {
  return text
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u200d|\ufe0e|\ufe0f|\u20e3|[\u{e0020}-\u{e007f}]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The text box: TEXT_BOX wide and as tall as its text (at most TEXT_BOX.height: the tallest title
 * step, 3 lines at 76 px, is about 360 px with the label and a context line), on the card's background.
 */
export function textLayer(text: CardText, theme: CardTheme, families: CardFamilies): Node {
  const title = dropEmoji(text.title);
  const { fontSize, maxLines } = fitTitle(title);
  return el(
    'div',
    {
      width: TEXT_BOX.width,
      display: 'flex',
      flexDirection: 'column',
      fontFamily: families.interface,
      color: theme.text,
      background: theme.background,
    },
    [
      el(
        'div',
        {
          display: 'block',
          fontSize: 28,
          fontWeight: 700,
          // Set, not "normal": a normal line is the face's ascent plus descent, taller in some pairings' faces.
          lineHeight: 1.2,
          letterSpacing: 3,
          textTransform: 'uppercase',
          color: theme.accent,
          marginBottom: 22,
          lineClamp: 1,
        },
        dropEmoji(text.label),
      ),
      // The title in the prose face, as the pages set headings (src/lib/type-pairing.ts).
      el(
        'div',
        {
          display: 'block',
          fontFamily: families.prose,
          fontSize,
          fontWeight: 700,
          lineHeight: 1.14,
          letterSpacing: -0.5,
          lineClamp: maxLines,
        },
        title,
      ),
      ...(text.context
        ? [
            el(
              'div',
              { display: 'block', fontSize: 32, fontWeight: 400, lineHeight: 1.2, opacity: 0.85, marginTop: 14, lineClamp: 1 },
              dropEmoji(text.context),
            ),
          ]
        : []),
    ],
  );
}

/** The frame: background, an accent rule, the person's round photo, name and the site's domain. */
export function frameLayer(fields: FrameFields, families: CardFamilies): Node {
  const { theme } = fields;
  return el(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      position: 'relative',
      background: theme.background,
      fontFamily: families.interface,
      color: theme.text,
    },
    [
      el('div', {
        position: 'absolute',
        left: PADDING - 8,
        top: PADDING,
        width: 6,
        height: 300,
        background: theme.accent,
        borderRadius: 3,
      }),
      el('div', { position: 'absolute', left: PADDING, bottom: PADDING - 8, right: PADDING, display: 'flex', alignItems: 'center' }, [
        el('img', { width: PHOTO_SIZE, height: PHOTO_SIZE, borderRadius: PHOTO_SIZE / 2, border: `4px solid ${theme.accent}` }, undefined, {
          src: fields.photoDataUri,
          width: PHOTO_SIZE,
          height: PHOTO_SIZE,
        }),
        el('div', { display: 'flex', flexDirection: 'column', marginLeft: 28 }, [
          el('div', { fontSize: 38, fontWeight: 700 }, fields.name),
          el('div', { fontSize: 28, fontWeight: 400, opacity: 0.8, marginTop: 4 }, fields.domain),
        ]),
      ]),
    ],
  );
}
