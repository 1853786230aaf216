// @ts-check
// The benchmark's baseline: Astro's official blog example (withastro/astro examples/blog) reduced to
// what does per-post work, built on the same synthetic corpus with the same Astro install as the hub.
// Left out, as fixed costs unrelated to the corpus: the about page, the local fonts and the
// placeholder images (the corpus has no hero images).
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';

// https://astro.build/config
export default defineConfig({
  site: 'https://example.com',
  integrations: [mdx(), sitemap()],
});
