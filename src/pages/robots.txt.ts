import type { APIRoute } from 'astro';
import { settings } from '../data/site.ts';
import { absoluteUrl } from '../lib/urls.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml', settings.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
