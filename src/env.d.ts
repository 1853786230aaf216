/** Provided by src/integrations/site-context.ts; imported by src/data/site.ts only. */
declare module 'virtual:hub/site-context' {
  /** Absolute path of the project root. */
  export const root: string;
  /** The Astro command running. */
  export const command: 'dev' | 'build' | 'preview' | 'sync';
  /** `content/site.yaml`, validated, with `SITE_URL` applied. */
  export const settings: import('./schemas/site.ts').SiteSettings;
}

/** Provided by src/integrations/site-context.ts; imported by src/layouts/BaseLayout.astro only. */
declare module 'virtual:hub/font-preloads' {
  /** The built URLs of the font files every page preloads (src/lib/web-fonts.ts, preloadedFontFiles). */
  export const fontPreloads: string[];
}
