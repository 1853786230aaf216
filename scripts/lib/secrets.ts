/**
 * The secrets this process must never print, and `redact`, which hides them in any text. Two kinds:
 * the environment's (the variables registered as secret: the hub's and each channel's) and those obtained while running (a Bluesky
 * session's JWTs after login, an X access token after a refresh), registered the moment they are
 * obtained. A secret is hidden in every form a server may echo it back in: as is, percent-encoded
 * (encodeURIComponent, OAuth 1.0a's RFC 3986 encoding, a form body's `+` for space, either hex
 * case), JSON-escaped, and base64 / base64url — the last at every byte alignment, so a secret inside
 * a longer encoded text (`Basic base64(client:secret)`) is found too.
 */

/**
 * The environment variables holding the hub's own secrets. Each channel declares its own
 * (scripts/channels/<name>/index.ts), and the channel registry registers them here as it loads them:
 * this module cannot import the channels, which import it.
 */
export const HUB_SECRET_ENV = ['WEBMENTION_IO_TOKEN', 'GOATCOUNTER_API_TOKEN'] as const;

const secretEnv = new Set<string>(HUB_SECRET_ENV);

/** Adds environment variables whose values `redact` hides (a channel's, as the registry loads it). */
export function registerSecretEnv(names: readonly string[]): void {
  for (const name of names) secretEnv.add(name);
}

/** Shorter values are not secrets worth the false matches (and no real token is this short). */
const MIN_LENGTH = 4;
/** An encoded fragment shorter than this could match ordinary base64 by chance. */
const MIN_FRAGMENT = 6;

const runtimeSecrets = new Set<string>();
/** The forms of each secret, computed once per value. */
const formsCache = new Map<string, string[]>();

/** Adds a secret obtained at run time to what `redact` hides, in every message of this process. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= MIN_LENGTH) runtimeSecrets.add(value);
}

/** RFC 3986 percent-encoding (OAuth 1.0a §3.6): encodeURIComponent plus ! ' ( ) *. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * The base64 characters that depend only on the secret's bytes, for each of the three alignments
 * it can have inside a longer encoded text (0, 1 or 2 bytes before it in its 3-byte group).
 */
function base64Fragments(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const fragments: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Characters before `start` mix the padding bytes in; those from `end` on mix in what follows.
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const fragment = encoded.slice(start, end);
    if (fragment.length >= MIN_FRAGMENT) fragments.push(fragment, fragment.replaceAll('+', '-').replaceAll('/', '_'));
  }
  return fragments;
}

function formsOf(value: string): string[] {
  let forms = formsCache.get(value);
  if (!forms) {
    const percent = [encodeURIComponent(value), rfc3986(value)];
    const set = new Set([
      value,
      JSON.stringify(value).slice(1, -1),
      ...percent,
      ...percent.map((form) => form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())),
      ...percent.map((form) => form.replaceAll('%20', '+')),
      ...base64Fragments(value),
    ]);
    // Longest first, so a form containing another is hidden whole.
    forms = [...set].filter((form) => form.length >= MIN_LENGTH).sort((a, b) => b.length - a.length);
    formsCache.set(value, forms);
  }
  return forms;
}

/** Replaces every form of every secret (the environment's and those registered) in a text by `[redacted]`. */
export function redact(text: string, env: Record<string, string | undefined>): string {
  let result = text;
  const values = new Set([...[...secretEnv].map((name) => env[name]), ...runtimeSecrets]);
  for (const value of values) {
    if (!value || value.length < MIN_LENGTH) continue;
    for (const form of formsOf(value)) if (result.includes(form)) result = result.split(form).join('[redacted]');
  }
  return result;
}
