/** Press quotes as plain data: what the press page and the speaking page's "as quoted in" need. */
import type { PressKind } from '../schemas/press.ts';

export interface PressItem {
  /** The file name without extension: the quote's anchor on the press page. */
  slug: string;
  outlet: string;
  headline: string;
  url: string;
  date: Date;
  quote: string;
  kind: PressKind;
  /** The outlet's logo, when one is given; otherwise the outlet is shown as text. */
  logo?: { src: string; width: number; height: number } | undefined;
}

export const PRESS_KIND_LABELS: Record<PressKind, string> = {
  quoted: 'Quoted',
  interview: 'Interview',
  'op-ed': 'Op-ed',
  podcast: 'Podcast',
};

/** Newest first; ties broken by slug. */
export function byNewestPress(a: Pick<PressItem, 'date' | 'slug'>, b: Pick<PressItem, 'date' | 'slug'>): number {
  return b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug);
}

/** Each outlet once, in the order of its most recent appearance. */
export function outletsOf<T extends Pick<PressItem, 'outlet' | 'date' | 'slug'>>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return [...items].sort(byNewestPress).filter((item) => {
    const key = item.outlet.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Whether outlets are shown by their logos: only when every one has a logo. A row of two logos and two
 * names in bold reads as a mistake, so one outlet without a logo puts them all in text.
 */
export function showsLogos(outlets: ReadonlyArray<{ logo?: unknown }>): boolean {
  return outlets.length > 0 && outlets.every((outlet) => outlet.logo !== undefined);
}
