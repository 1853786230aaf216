/**
 * What the newsletter channel needs of an email service, and nothing more: send one email to every
 * subscriber, find an email it sent for a piece, and read one back. Buttondown is the one written
 * (buttondown.ts); another service (Listmonk, Kit, Ghost) is one more file implementing this. The
 * service keeps the subscribers: the hub never sees nor stores an address.
 */

/**
 * Where the rendered email links to "unsubscribe": each provider replaces it with its own merge tag
 * before sending (Buttondown's `{{ unsubscribe_url }}`), and the dry run with a harmless `#`. A URN,
 * so no client could ever open it and MJML passes it through untouched.
 */
export const UNSUBSCRIBE_PLACEHOLDER = 'urn:hub:unsubscribe';

/** The email as the hub made it, ready to hand to a provider. */
export interface OutgoingEmail {
  subject: string;
  /** The whole HTML document (MJML's output), unsubscribe link as `UNSUBSCRIBE_PLACEHOLDER`. */
  html: string;
  /** The plain-text alternative, unsubscribe link as `UNSUBSCRIBE_PLACEHOLDER`. */
  text: string;
  /** The web version: the piece, or the site's home page for a digest (which has no page of its own). */
  webUrl: string;
  /** The piece's address, what an email made by hand for it is found by; none for a digest, which is no one piece's copy. */
  canonicalUrl?: string | undefined;
  /** The hub's own id for this email (the piece's ledger key, or the digest's `digest-2026-W48`): what it is found by first. */
  marker: string;
  /** The piece's summary, for the archive page and previews where the provider keeps one. */
  description: string;
}

/** An email the provider holds. */
export interface ProviderEmail {
  id: string;
  /** Its web version on the provider (the archive page), when there is one. */
  url: string | undefined;
  /** The provider's own word for where the email is (Buttondown: draft, about_to_send, sent…). */
  status: string;
  /** Still a draft: made, but not (yet) going to anyone. */
  draft: boolean;
}

/** What the provider reports of an email it sent; a count it does not report is left out. */
export interface EmailReport extends ProviderEmail {
  recipients?: number | undefined;
  opens?: number | undefined;
  clicks?: number | undefined;
  /** Replies to the email, where the provider counts them. */
  replies?: number | undefined;
}

export interface NewsletterProvider {
  /** For messages: "Buttondown". */
  label: string;
  /** Sends the email to every subscriber (or queues it to be sent within minutes). */
  send: (email: OutgoingEmail) => Promise<ProviderEmail>;
  /**
   * The email made for a piece or digest, found by the marker or, failing that, the canonical URL, drafts
   * included (an attempt whose send step was lost); undefined when there is none.
   */
  find: (email: Pick<OutgoingEmail, 'marker' | 'canonicalUrl'>) => Promise<ProviderEmail | undefined>;
  /** Sends a draft `find` found, instead of making a second email. */
  sendDraft: (id: string) => Promise<ProviderEmail>;
  /** The email and its counts; undefined when it no longer exists. */
  read: (id: string) => Promise<EmailReport | undefined>;
}
