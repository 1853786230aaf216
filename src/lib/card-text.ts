/** What each kind of page says on its share card. */
import type { CardText } from '../cards/layout.ts';
import { KIND_LABELS, type Piece } from './pieces.ts';
import type { Formats } from './formats.ts';
import { talkWhen, type Talk } from './talks.ts';
import { stageLabel } from './theories.ts';

/** Essay and note cards show the kind; a theory's card also shows how far along the idea is. */
export function pieceCardText(piece: Pick<Piece, 'kind' | 'title' | 'summary' | 'stage'>): CardText {
  switch (piece.kind) {
    case 'essay':
      return { label: KIND_LABELS.essay, title: piece.title };
    case 'note':
      // A note has no title of its own: its words are the card (clamped to fit).
      return { label: KIND_LABELS.note, title: piece.summary };
    case 'theory':
      return { label: piece.stage ? `${KIND_LABELS.theory} · ${stageLabel(piece.stage)}` : KIND_LABELS.theory, title: piece.title };
  }
}

/** A talk's card gives the day (in the venue's time zone) above the talk's title, and the event below it. */
export function talkCardText(talk: Pick<Talk, 'title' | 'event' | 'start' | 'end' | 'timezone'>, formats: Formats): CardText {
  return { label: `Talk · ${talkWhen(talk, formats).shortDate}`, title: talk.title, context: talk.event.name };
}

/** The site card: who the person is, and what they stand for. */
export function siteCardText(profile: { jobTitle: string; organisation: { name: string }; valueStatement: string }): CardText {
  return { label: `${profile.jobTitle}, ${profile.organisation.name}`, title: profile.valueStatement };
}

/** Alt text for a card image, read by screen readers in link previews. */
export function cardAlt(text: CardText, name: string): string {
  return `${text.label}: ${text.title}${text.context ? `, ${text.context}` : ''} — ${name}`;
}
