/**
 * The site's `_headers` as built: public/_headers (the one home of the policy, with every directive
 * explained) and, when the follow block has a subscribe form, that form's origin in `form-action` —
 * exactly that origin (scheme, host and port), nothing wider. src/integrations/security-headers.ts
 * writes it into dist/ at the end of the build.
 */

/** The origin a form posting to `action` submits to, as a CSP source: `https://buttondown.com`. */
export function formOrigin(action: string): string {
  return new URL(action).origin;
}

/**
 * `headers` (a `_headers` file) with `origin` added to the `form-action` directive of every
 * Content-Security-Policy in it. Throws when a policy has no `form-action` (adding one would forbid
 * the site's own search form) — the file must name `'self'` there.
 */
export function allowFormAction(headers: string, origin: string): string {
  return headers
    .split('\n')
    .map((line, index) => {
      const header = /^(\s+Content-Security-Policy\s*:\s*)(.*)$/i.exec(line);
      if (!header) return line;
      const directives = header[2]!
        .split(';')
        .map((part) => part.trim())
        .filter(Boolean);
      const at = directives.findIndex((part) => /^form-action(\s|$)/i.test(part));
      if (at === -1) {
        throw new Error(`public/_headers:${index + 1}: the Content-Security-Policy has no form-action; add form-action 'self' to it`);
      }
      const sources = directives[at]!.split(/\s+/).slice(1);
      if (!sources.includes(origin)) directives[at] = ['form-action', ...sources, origin].join(' ');
      return `${header[1]}${directives.join('; ')}`;
    })
    .join('\n');
}
