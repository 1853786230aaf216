import type { APIRoute, GetStaticPaths } from 'astro';
import type { CardText } from '../../cards/layout.ts';
import { cardPng, getCardRoutes } from '../../data/cards.ts';

export const getStaticPaths = (() => getCardRoutes()) satisfies GetStaticPaths;

/** A share card, drawn on request in `astro dev` (the build writes them through src/integrations/share-cards.ts). */
export const GET: APIRoute = async ({ props }) => {
  const png = await cardPng((props as { text: CardText }).text);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
