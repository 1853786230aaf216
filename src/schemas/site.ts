import { z } from 'astro/zod';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'expected a colour like #1d4ed8' });

/**
 * `content/site.yaml`: settings for the site as a whole. Read by `astro.config.mjs` (for the site URL)
 * and by the pages.
 */
export const siteSchema = z.strictObject({
  /** The public address of the site, with https and no trailing path, for example https://ada.example.com. */
  url: z.url({ protocol: /^https?$/, error: 'expected the site’s absolute URL, for example https://ada.example.com' }),
  /** Site name shown in the header and feeds. Default: the person's name. */
  title: z.string().trim().min(1).optional(),
  /** Language of the content as a BCP 47 tag. Default: en. */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'expected a language tag like en or en-GB' })
    .default('en'),
  /** Theme colours, used by the pages and share cards. */
  theme: z
    .strictObject({
      /** Accent colour for links and highlights. */
      accent: hexColour.default('#1d4ed8'),
      /** Background of share cards. */
      cardBackground: hexColour.default('#0f172a'),
      /** Text colour on share cards. */
      cardText: hexColour.default('#f8fafc'),
      /** Accent on share cards (kind label, rule, photo ring); must stand out on cardBackground. */
      cardAccent: hexColour.default('#7dd3c0'),
    })
    .default({ accent: '#1d4ed8', cardBackground: '#0f172a', cardText: '#f8fafc', cardAccent: '#7dd3c0' }),
});

export type SiteSettings = z.output<typeof siteSchema>;
