/** The favicon: the person's initials on their accent colour (src/lib/palette.ts), so it matches the pages and cards. */
import type { APIRoute } from 'astro';
import { getProfile, settings } from '../data/site.ts';
import { faviconSvg, palette } from '../lib/palette.ts';

export const GET: APIRoute = async () =>
  new Response(faviconSvg((await getProfile()).name, palette(settings.theme)), {
    headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' },
  });
