/**
 * The newsletter's settings from the environment: the provider's key (a secret) and which kinds of
 * piece go out by email. Essays by default: an email is an interruption, and a note a day would
 * teach people to unsubscribe. A weekly digest of notes is a different product, not built here.
 */
import { isPieceKind, PIECE_KINDS, type PieceKind } from '../../../src/contract/kinds.ts';
import { requireEnv, type MissingCredentials } from '../adapter.ts';
import { BUTTONDOWN_API } from './buttondown.ts';

/** The channel's name, as src/contract/networks.ts lists it. */
export const NEWSLETTER = 'newsletter';

/** Secret: never printed, redacted from every message. */
export const SECRET_ENV = ['BUTTONDOWN_API_KEY'] as const;

/** Not secret: the kinds emailed (`essay,note`), and the API's address (a test server, a proxy). */
export const SETTINGS_ENV = { kinds: 'NEWSLETTER_KINDS', apiUrl: 'BUTTONDOWN_API_URL' } as const;

export const DEFAULT_KINDS: readonly PieceKind[] = ['essay'];

export interface NewsletterConfig {
  apiKey: string;
  baseUrl: string;
  kinds: readonly PieceKind[];
}

/** The kinds in NEWSLETTER_KINDS (comma- or space-separated); throws one line naming a kind it does not know. */
export function newsletterKinds(env: Record<string, string | undefined>): readonly PieceKind[] {
  const value = env[SETTINGS_ENV.kinds]?.trim();
  if (!value) return DEFAULT_KINDS;
  const named = value.split(/[\s,]+/).filter(Boolean);
  const unknown = named.filter((kind) => !isPieceKind(kind));
  if (unknown.length > 0)
    throw new Error(`${SETTINGS_ENV.kinds}: ${unknown.join(', ')} is not a kind of piece; use ${PIECE_KINDS.join(', ')} (comma-separated)`);
  return [...new Set(named as PieceKind[])];
}

export function newsletterConfig(env: Record<string, string | undefined>): NewsletterConfig | MissingCredentials {
  const found = requireEnv(env, SECRET_ENV);
  if ('missing' in found) return found;
  return { apiKey: found.BUTTONDOWN_API_KEY, baseUrl: env[SETTINGS_ENV.apiUrl] || BUTTONDOWN_API, kinds: newsletterKinds(env) };
}

/** Whether a piece goes out by email at all (a piece of another kind is simply not the newsletter's). */
export function emailsKind(kinds: readonly PieceKind[], item: { kind: PieceKind }): boolean {
  return kinds.includes(item.kind);
}
