import type { APIRoute } from 'astro';
import { touchIconPng } from '../data/touch-icon.ts';

/** The home-screen icon (src/data/touch-icon.ts), at the address iOS asks for. */
export const GET: APIRoute = async () => new Response(new Uint8Array(await touchIconPng()), { headers: { 'Content-Type': 'image/png' } });
