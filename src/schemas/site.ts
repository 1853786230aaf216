import { z } from 'astro/zod';
import { paletteProblems } from '../lib/palette.ts';
import { httpUrlField } from '../lib/safe-urls.ts';
import { DEFAULT_TYPE_PAIRING, TYPE_PAIRING_NAMES } from '../lib/type-pairing.ts';

/** The language a hub is written in unless site.yaml says otherwise; dates read `1 December 2026`. */
export const DEFAULT_LANGUAGE = 'en-GB';

/** The accent of a hub that has not chosen one: a blue with 6.7:1 on white. */
export const DEFAULT_ACCENT = '#1d4ed8';

/** The analytics services the hub can count views with and read them back from (src/lib/analytics.ts). */
export const ANALYTICS_PROVIDERS = ['goatcounter'] as const;

/**
 * An analytics site's base address: https only (the pages are served over https, and a pixel over http
 * would be blocked as mixed content) and nothing after the host, so it is exactly the origin the
 * Content-Security-Policy allows. Kept without a trailing slash.
 */
const analyticsSiteField = z
  .url({ protocol: /^https$/, error: 'expected the GoatCounter site’s https address, for example https://ada.goatcounter.com' })
  .refine(
    (value) => {
      // Not a URL at all: the check above says so, once.
      if (!URL.canParse(value)) return true;
      const url = new URL(value);
      return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    },
    { error: 'expected only the site’s address, without a path: https://ada.goatcounter.com' },
  )
  .transform((value) => (URL.canParse(value) ? new URL(value).origin : value));

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like #1d4ed8' });

/**
 * `content/site.yaml`: settings for the site as a whole. Read once per build by
 * src/integrations/site-context.ts (the site URL, and the settings the pages import from src/data/site.ts).
 */
export const siteSchema = z.strictObject({
  /** The public address of the site, with https and no trailing path, for example https://ada.example.com. */
  url: z.url({ protocol: /^https?$/, error: 'expected the site’s absolute URL, for example https://ada.example.com' }),
  /** Site name shown in the header and feeds. Default: the person's name. */
  title: z.string().trim().min(1).optional(),
  /**
   * Language of the content as a BCP 47 tag: the pages' `lang`, the feeds' language, and how dates and
   * numbers are written (en-GB "1 December 2026", en-US "December 1, 2026"). Default: en-GB.
   */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag like en or en-GB' })
    .default(DEFAULT_LANGUAGE),
  /**
   * The brand: one accent colour, from which the pages (light and dark), the share cards and the favicon
   * take theirs (src/lib/palette.ts). The others are optional overrides. A colour set here that fails
   * WCAG AA where the hub puts it fails the build, naming the field.
   */
  theme: z
    .strictObject({
      /** Links, buttons and highlights on the light page; 4.5:1 against white. */
      accent: hexColour.default(DEFAULT_ACCENT),
      /** The accent on the dark page; 4.5:1 against it. Default: the accent, lightened until it reads. */
      accentDark: hexColour.optional(),
      /** Background of share cards. Default: a deep shade of the accent. */
      cardBackground: hexColour.optional(),
      /** Text on share cards; 4.5:1 against cardBackground. Default: near-white or near-black, whichever reads. */
      cardText: hexColour.optional(),
      /** Kind label, rule and photo ring on share cards; 3:1 against cardBackground. Default: a light tint of the accent. */
      cardAccent: hexColour.optional(),
      /**
       * The type pairing (src/lib/type-pairing.ts): a prose face for what is read and headings, an
       * interface face for the rest; the share cards use the same two. Default: editorial.
       */
      typePairing: z
        .enum(TYPE_PAIRING_NAMES, { error: `expected one of ${TYPE_PAIRING_NAMES.join(', ')} (the default is ${DEFAULT_TYPE_PAIRING})` })
        .default(DEFAULT_TYPE_PAIRING),
    })
    .default({ accent: DEFAULT_ACCENT, typePairing: DEFAULT_TYPE_PAIRING })
    .superRefine((theme, context) => {
      for (const problem of paletteProblems(theme)) context.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
    }),
  /**
   * How readers follow the site and answer it from their own (docs/site.md, "Follow and answers").
   * Everything is off until set: a page offers only what works.
   */
  follow: z
    .strictObject({
      /**
       * The newsletter provider's public subscribe endpoint, which the follow block's form posts to
       * (Buttondown: https://buttondown.com/api/emails/embed-subscribe/<username>). Unset: no form.
       */
      subscribeUrl: httpUrlField('the newsletter’s subscribe address', 'leave it out for no subscribe form').optional(),
      /** Where other sites send webmentions (https://webmention.io/<domain>/webmention, or any). Unset: pages declare none. */
      webmentionEndpoint: httpUrlField('the webmention endpoint', 'leave it out to receive none').optional(),
      /**
       * The site is bridged by Bridgy Fed (docs/bridgy-fed.md): the follow block shows its fediverse and
       * Bluesky addresses, and `./hub run webmentions` tells Bridgy Fed of every new or changed piece.
       */
      bridgyFed: z.boolean().default(false),
      /**
       * The site's own fediverse address when it redirects /.well-known/webfinger to Bridgy Fed
       * (`@example.com@example.com`); otherwise Bridgy Fed's `@example.com@web.brid.gy` is shown.
       */
      fediverseAddress: z
        .string()
        .regex(/^@[^@\s]+@[^@\s]+\.[^@\s]+$/, { error: 'expected an address like @example.com@example.com' })
        .optional(),
    })
    .default({ bridgyFed: false }),
  /**
   * Who reads the pieces, counted privately (docs/analytics.md). Unset: nothing is added to any page.
   * Set: every indexed page counts its view with the provider's no-script pixel (or its one small script,
   * where `script: true`), the Content-Security-Policy allows exactly the provider's origin, and
   * `./hub run collect` pulls views per piece with the API token from the environment
   * (GOATCOUNTER_API_TOKEN, never written here).
   */
  analytics: z
    .strictObject({
      /** The service counting views; GoatCounter is the one the hub knows (open source, no cookies, self-hostable). */
      provider: z.enum(ANALYTICS_PROVIDERS).default('goatcounter'),
      /** The GoatCounter site: https://<code>.goatcounter.com, or a self-hosted instance's own https address. */
      site: analyticsSiteField,
      /** Load the provider's count.js instead of the pixel (it also records referrers and screen sizes). Default: the pixel only. */
      script: z.boolean().default(false),
    })
    .optional(),
  /** Who the /impact/ page is for (docs/site.md, "The impact page"). */
  impact: z
    .strictObject({
      /**
       * `unlisted` (until there is evidence worth showing): the page is built, for the person and whoever
       * they send the link to, but kept out of the navigation, the sitemap and search engines (`noindex`).
       * `public`: linked from the navigation and listed like every page.
       */
      visibility: z.enum(['public', 'unlisted']).default('unlisted'),
    })
    .default({ visibility: 'unlisted' }),
});

export type SiteSettings = z.output<typeof siteSchema>;
