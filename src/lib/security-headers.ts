/**
 * The site's `_headers` as built: public/_headers (the one home of the policy, with every directive
 * explained) and the few origins the settings name — exactly those origins (scheme, host and port),
 * nothing wider: when the follow block has a subscribe form, that form's origin in `form-action`; when
 * analytics is set, the counter's origin where the counter needs it (src/lib/analytics.ts).
 * src/integrations/security-headers.ts writes it into dist/ at the end of the build.
 */

/** The origin a form posting to `action` submits to, as a CSP source: `https://buttondown.com`. */
export function formOrigin(action: string): string {
  return new URL(action).origin;
}

/** Directives that fall back to `default-src` when absent (CSP Level 3 fetch directives the hub widens). */
const FETCH_DIRECTIVES = new Set(['img-src', 'script-src', 'connect-src']);

/**
 * `headers` (a `_headers` file) with `origin` added to `directive` of every Content-Security-Policy in
 * it. A fetch directive the policy leaves to `default-src` is written out with default-src's sources
 * plus the origin, so nothing the policy allowed before is forbidden. A policy without `form-action`
 * is refused (adding one would forbid the site's own search form): the file must name `'self'` there.
 */
export function allowSource(headers: string, directive: string, origin: string): string {
  return headers
    .split('\n')
    .map((line, index) => {
      const header = /^(\s+Content-Security-Policy\s*:\s*)(.*)$/i.exec(line);
      if (!header) return line;
      const directives = header[2]!
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean);
      const named = (name: string): number => directives.findIndex((part) => new RegExp(`^${name}(\\s|$)`, 'i').test(part));
      let at = named(directive);
      if (at === -1) {
        const fallback = named('default-src');
        if (!FETCH_DIRECTIVES.has(directive) || fallback === -1) {
          throw new Error(`public/_headers:${index + 1}: the Content-Security-Policy has no ${directive}; add ${directive} 'self' to it`);
        }
        directives.push([directive, ...directives[fallback]!.split(/\s+/).slice(1)].join(' '));
        at = directives.length - 1;
      }
      const sources = directives[at]!.split(/\s+/).slice(1);
      if (!sources.includes(origin)) directives[at] = [directive, ...sources, origin].join(' ');
      return `${header[1]}${directives.join('; ')}`;
    })
    .join('\n');
}

/** `allowSource` for the subscribe form's `form-action`. */
export function allowFormAction(headers: string, origin: string): string {
  return allowSource(headers, 'form-action', origin);
}
