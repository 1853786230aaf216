/**
 * Which parts of the hub have something to show, at the build's moment. A part with nothing in it
 * gets no page and no link: a hub with one essay has no Notes, Theories, Stances or Press, and a
 * reader never follows a link to "nothing here yet". Empty collections are normal (a new hub), not
 * a mistake. Pages, the header and the footer all ask here, so they cannot disagree.
 */
import { getPiecesOfKind, getTagGroups } from './pieces.ts';
import { getPress } from './press.ts';
import { getSpeaking } from './speaking.ts';
import { getStances } from './stances.ts';
import { getTalks } from './talks.ts';

export interface Sections {
  essays: boolean;
  notes: boolean;
  theories: boolean;
  stances: boolean;
  /** The topic index (/tags/): some published piece has a tag. */
  topics: boolean;
  /** Announced talks, so the talks calendar is worth subscribing to. */
  talks: boolean;
  /** The press page: quotes, or a media contact and press photos (content/speaking.yaml). */
  press: boolean;
}

let cache: Promise<Sections> | undefined;

export function getSections(): Promise<Sections> {
  cache ??= (async () => {
    const [essays, notes, theories, stances, tags, talks, press, speaking] = await Promise.all([
      getPiecesOfKind('essay'),
      getPiecesOfKind('note'),
      getPiecesOfKind('theory'),
      getStances(),
      getTagGroups(),
      getTalks(),
      getPress(),
      getSpeaking(),
    ]);
    return {
      essays: essays.length > 0,
      notes: notes.length > 0,
      theories: theories.length > 0,
      stances: stances.length > 0,
      topics: tags.size > 0,
      talks: talks.length > 0,
      press: press.length > 0 || speaking !== undefined,
    };
  })();
  return cache;
}

/**
 * `getStaticPaths()` for a section's index page, written as `[...index].astro` so that it can be left
 * out: one page at the folder's own address when the section has something, none when it is empty.
 */
export async function sectionIndexPaths(section: keyof Sections): Promise<Array<{ params: { index: undefined } }>> {
  return (await getSections())[section] ? [{ params: { index: undefined } }] : [];
}
