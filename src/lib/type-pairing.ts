/**
 * The type system: `theme.typePairing` in content/site.yaml picks one of a few pairings, each a prose
 * face and an interface face. One rule for the whole site: the prose face sets what is read (article
 * bodies, summaries, and every heading, so a title reads in the voice of its text); the interface face
 * sets what is operated (header, navigation, meta lines, buttons, forms, lists' labels). The pages
 * (src/lib/web-fonts.ts) and the share cards (src/cards/fonts.ts) take their faces from here.
 */

/** A typeface as Fontsource publishes it: variable WOFF2 for the pages, static WOFF for the cards. */
export interface Face {
  /** The CSS family name the site declares it under. */
  family: string;
  /** Fontsource's id: the package name and the files' prefix (`@fontsource-variable/<id>/files/<id>-latin-…`). */
  id: string;
  /** The generic family the stack ends in, and whose system font the metric-matched fallback adjusts. */
  generic: 'serif' | 'sans-serif';
}

export interface TypePairing {
  prose: Face;
  interface: Face;
}

const INTER: Face = { family: 'Inter', id: 'inter', generic: 'sans-serif' };
const SOURCE_SANS: Face = { family: 'Source Sans 3', id: 'source-sans-3', generic: 'sans-serif' };
const SOURCE_SERIF: Face = { family: 'Source Serif 4', id: 'source-serif-4', generic: 'serif' };
const LITERATA: Face = { family: 'Literata', id: 'literata', generic: 'serif' };
const NEWSREADER: Face = { family: 'Newsreader', id: 'newsreader', generic: 'serif' };

export const TYPE_PAIRINGS = {
  /** Source Serif 4 and Inter: a broadsheet's essay page; sober, very legible at every size. */
  editorial: { prose: SOURCE_SERIF, interface: INTER },
  /** Literata and Source Sans 3: a book face made for long reading on screens, with a warm humanist sans. */
  literary: { prose: LITERATA, interface: SOURCE_SANS },
  /** Newsreader and Inter: a magazine's display serif, crisper and more contemporary. */
  modern: { prose: NEWSREADER, interface: INTER },
} as const satisfies Record<string, TypePairing>;

export type TypePairingName = keyof typeof TYPE_PAIRINGS;

export const TYPE_PAIRING_NAMES = Object.keys(TYPE_PAIRINGS) as [TypePairingName, ...TypePairingName[]];

/** The pairing of a hub that has not chosen one. */
export const DEFAULT_TYPE_PAIRING: TypePairingName = 'editorial';

export function typePairing(name: TypePairingName = DEFAULT_TYPE_PAIRING): TypePairing {
  return TYPE_PAIRINGS[name];
}

/** Both faces of a pairing, prose first, each once. */
export function pairingFaces(pairing: TypePairing): Face[] {
  return pairing.prose === pairing.interface ? [pairing.prose] : [pairing.prose, pairing.interface];
}
