/**
 * Addresses that come from outside the hub — post URLs a network returns, the profiles and replies of
 * strangers, webmention sources — become links only when they are http(s). They are checked twice:
 * on the way in, by the schemas of the files the scripts write (`httpUrlField`, src/contract/ledger.ts and
 * src/contract/snapshots.ts), and on the way out, by every component that links one (`safeHttpUrl`), so a
 * `javascript:` address never reaches an `href` even if a file was written some other way.
 */
import { z } from 'astro/zod';

/**
 * The URL as the browser would read it, when that is an absolute http(s) URL (safe to put in an
 * `href`); otherwise undefined. The WHATWG parser is the browser's own, so `JaVaScRiPt:`, ` java\tscript:`
 * and leading control characters are read exactly as a browser would read them.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The schemes a link or image in the author's own content may use; relative addresses resolve to https. */
const CONTENT_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * The scheme of an address in content (`javascript:`, `vbscript:`, `data:`, …) when it is not one a page
 * may safely link to or load, read as the browser reads it; undefined for http(s), mailto:, tel:,
 * relative addresses and anything the browser could not follow at all.
 */
export function unsafeScheme(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value, 'https://relative.invalid/');
  } catch {
    return undefined;
  }
  return CONTENT_SCHEMES.has(url.protocol) ? undefined : url.protocol;
}

/**
 * A field that holds an absolute http(s) URL. `what` completes "expected …" ("the address of the reply");
 * `otherwise`, when given, says what else will do ("leave it out").
 */
export function httpUrlField(what: string, otherwise?: string) {
  return z.url({ protocol: /^https?$/, error: urlExpectation(what, otherwise) });
}

/** `httpUrlField`, or "" where the source gave no address; `none` says when that is ("when the network gave none"). */
export function httpUrlOrEmptyField(what: string, none: string) {
  const error = urlExpectation(what, `"" ${none}`);
  return z.union([z.literal(''), z.url({ protocol: /^https?$/, error })], { error });
}

function urlExpectation(what: string, otherwise: string | undefined): string {
  return `expected ${what}, an absolute http(s) URL${otherwise ? ` (or ${otherwise})` : ''}`;
}
