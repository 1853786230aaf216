/**
 * LinkedIn: an article share (`content.article`: source, title, description, thumbnail) whose
 * commentary is "Little Text Format". Its reserved characters must be escaped with a backslash or
 * LinkedIn silently cuts the text at the first one
 * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format).
 */
import { composeText, linkCard, type ComposedPost, type SyndicationItem } from '../post.ts';

export const LINKEDIN_MAX_CHARACTERS = 3000;

/** Escapes `\ | { } @ [ ] ( ) < > # * _ ~` for Little Text Format. */
export function escapeLittleText(text: string): string {
  return text.replace(/[\\|{}@[\]()<>#*_~]/g, (character) => `\\${character}`);
}

/** Length of the commentary as sent (escaped), in UTF-16 code units: the stricter reading of "characters". */
export function linkedinLength(text: string): number {
  return escapeLittleText(text).length;
}

export function composeLinkedIn(item: SyndicationItem): ComposedPost {
  const fits = (text: string): boolean => linkedinLength(text) <= LINKEDIN_MAX_CHARACTERS;
  const plain = composeText(item, { network: 'linkedin', withUrl: false, withHashtags: false, fits });
  const text = escapeLittleText(plain);
  return {
    network: 'linkedin',
    itemKey: item.key,
    text,
    length: text.length,
    limit: LINKEDIN_MAX_CHARACTERS,
    unit: 'characters',
    link: linkCard(item),
    override: item.overrides.linkedin !== undefined,
  };
}
