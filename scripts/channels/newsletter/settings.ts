/**
 * The newsletter's settings from the environment: the provider's key (a secret), which kinds of
 * piece go out by email each on its own, and which go out together in the weekly digest. Essays
 * alone by default, no digest: an email is an interruption, and a note a day would teach people to
 * unsubscribe; a week's notes in one email (NEWSLETTER_DIGEST_KINDS=note) is the gentler way.
 */
import { isPieceKind, PIECE_KINDS, type PieceKind } from '../../../src/contract/kinds.ts';
import { canonicalTimeZone } from '../../../src/lib/time-zones.ts';
import { requireEnv, type MissingCredentials } from '../adapter.ts';
import { BUTTONDOWN_API } from './buttondown.ts';

/** The channel's name, as src/contract/networks.ts lists it. */
export const NEWSLETTER = 'newsletter';

/** Secret: never printed, redacted from every message. */
export const SECRET_ENV = ['BUTTONDOWN_API_KEY'] as const;

/**
 * Not secret: the kinds emailed one by one (`essay,note`), the kinds gathered in the weekly digest
 * (`note,theory`), the time zone its weeks are counted in (UTC by default: the site shows every date
 * in UTC), and the API's address (a test server, a proxy).
 */
export const SETTINGS_ENV = {
  kinds: 'NEWSLETTER_KINDS',
  digestKinds: 'NEWSLETTER_DIGEST_KINDS',
  digestTimeZone: 'NEWSLETTER_DIGEST_TIME_ZONE',
  apiUrl: 'BUTTONDOWN_API_URL',
} as const;

export const DEFAULT_KINDS: readonly PieceKind[] = ['essay'];

export interface NewsletterConfig {
  apiKey: string;
  baseUrl: string;
  kinds: readonly PieceKind[];
}

type Env = Record<string, string | undefined>;

/** The kinds a variable lists (comma- or space-separated), or undefined when it is unset; throws one line naming a kind it does not know. */
function kindsIn(env: Env, variable: string): readonly PieceKind[] | undefined {
  const value = env[variable]?.trim();
  if (!value) return undefined;
  const named = value.split(/[\s,]+/).filter(Boolean);
  const unknown = named.filter((kind) => !isPieceKind(kind));
  if (unknown.length > 0)
    throw new Error(`${variable}: ${unknown.join(', ')} is not a kind of piece; use ${PIECE_KINDS.join(', ')} (comma-separated)`);
  return [...new Set(named as PieceKind[])];
}

/**
 * The kinds emailed one by one: NEWSLETTER_KINDS, essays by default, less the digest's kinds when
 * NEWSLETTER_KINDS is unset (`NEWSLETTER_DIGEST_KINDS=essay` alone means essays go in the digest).
 * Throws one line for a kind it does not know, and for a kind named in both (sent alone and in the
 * digest would email it twice).
 */
export function newsletterKinds(env: Env): readonly PieceKind[] {
  const named = kindsIn(env, SETTINGS_ENV.kinds);
  const digest = kindsIn(env, SETTINGS_ENV.digestKinds) ?? [];
  if (!named) return DEFAULT_KINDS.filter((kind) => !digest.includes(kind));
  const both = named.filter((kind) => digest.includes(kind));
  if (both.length > 0)
    throw new Error(
      `${SETTINGS_ENV.kinds} and ${SETTINGS_ENV.digestKinds} both name ${both.join(', ')}: a kind goes out alone or in the weekly digest, not both; remove it from one`,
    );
  return named;
}

/** The kinds gathered in the weekly digest (NEWSLETTER_DIGEST_KINDS): none by default. Throws as `newsletterKinds` does. */
export function digestKinds(env: Env): readonly PieceKind[] {
  // Read through newsletterKinds first, so a kind named in both is refused whichever list is asked.
  newsletterKinds(env);
  return kindsIn(env, SETTINGS_ENV.digestKinds) ?? [];
}

/** The IANA time zone the digest's weeks are counted in: NEWSLETTER_DIGEST_TIME_ZONE, or UTC. Throws one line for a name that is not one. */
export function digestTimeZone(env: Env): string {
  const value = env[SETTINGS_ENV.digestTimeZone]?.trim();
  if (!value) return 'UTC';
  const zone = canonicalTimeZone(value);
  if (!zone)
    throw new Error(`${SETTINGS_ENV.digestTimeZone}: ${JSON.stringify(value)} is not a time zone; use an IANA name like Europe/London`);
  return zone;
}

export function newsletterConfig(env: Env): NewsletterConfig | MissingCredentials {
  const found = requireEnv(env, SECRET_ENV);
  if ('missing' in found) return found;
  return { apiKey: found.BUTTONDOWN_API_KEY, baseUrl: env[SETTINGS_ENV.apiUrl] || BUTTONDOWN_API, kinds: newsletterKinds(env) };
}

/** Whether a piece goes out by email at all (a piece of another kind is simply not the newsletter's). */
export function emailsKind(kinds: readonly PieceKind[], item: { kind: PieceKind }): boolean {
  return kinds.includes(item.kind);
}
