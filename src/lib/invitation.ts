/**
 * The invitation to argue at the end of every piece: reply where the piece was posted, or by email.
 * Arguments are evidence that the ideas are heard (people arguing back), so they are asked for where
 * they are easiest to make.
 */
import { NETWORK_LABELS, type Network } from '../contract/networks.ts';
import { safeHttpUrl } from './safe-urls.ts';
import { mailtoUrl } from './urls.ts';

export interface Invitation {
  /** "Reply on Bluesky" links, one per posted copy with an http(s) address; empty when nothing was syndicated. */
  replies: Array<{ network: Network; url: string; text: string }>;
  /** An email to the author with the piece in the subject and its address in the body. */
  mailto: string;
}

export function invitationToArgue(
  piece: { title: string; url: string },
  email: string,
  copies: ReadonlyArray<{ network: Network; url: string }>,
): Invitation {
  return {
    // The addresses came from the networks (src/lib/safe-urls.ts).
    replies: copies.flatMap((copy) => {
      const url = safeHttpUrl(copy.url);
      return url ? [{ network: copy.network, url, text: `Reply on ${NETWORK_LABELS[copy.network]}` }] : [];
    }),
    mailto: mailtoUrl(email, { subject: `Re: ${piece.title}`, body: `About ${piece.url}\n\n` }),
  };
}
