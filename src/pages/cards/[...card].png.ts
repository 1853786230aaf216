import type { APIRoute, GetStaticPaths } from 'astro';
import type { CardText } from '../../cards/layout.ts';
import { cardPng, getCardRoutes } from '../../data/cards.ts';

export const getStaticPaths = (() => getCardRoutes()) satisfies GetStaticPaths;

/** One share card (1200×630 PNG) per piece, plus the site card. */
export const GET: APIRoute = async ({ props }) => {
  const png = await cardPng((props as { text: CardText }).text);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
