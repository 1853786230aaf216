/**
 * Every page shared on a network shows its card: each HTML page (but the 404 page) names a share image
 * (`og:image`), and that image is a file in the build, a PNG of the size the networks expect.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH } from '../../src/cards/layout.ts';
import { listFiles } from './site-files.ts';

export interface CardProblem {
  page: string;
  problem: string;
}

export interface CardCheck {
  pages: number;
  problems: CardProblem[];
}

export async function checkCards(dist: string, origin: string): Promise<CardCheck> {
  const pages = (await listFiles(dist)).filter((file) => file.endsWith('.html') && file !== '/404.html');
  const problems: CardProblem[] = [];
  const sizes = new Map<string, string | undefined>();
  for (const file of pages) {
    const page = file.replace(/index\.html$/, '');
    const { document } = parseHTML(await readFile(join(dist, file), 'utf8'));
    const content = document.querySelector('meta[property="og:image"]')?.getAttribute('content');
    if (!content) {
      problems.push({ page, problem: 'has no share card (og:image)' });
      continue;
    }
    const url = new URL(content, new URL(page, origin));
    if (url.origin !== new URL(origin).origin) continue; // a card hosted elsewhere is the person's choice
    if (!sizes.has(url.pathname)) sizes.set(url.pathname, await cardProblem(join(dist, decodeURIComponent(url.pathname))));
    const problem = sizes.get(url.pathname);
    if (problem) problems.push({ page, problem: `share card ${url.pathname} ${problem}` });
  }
  return { pages: pages.length, problems };
}

async function cardProblem(file: string): Promise<string | undefined> {
  try {
    const { format, width, height } = await sharp(file).metadata();
    if (format !== 'png') return `is ${format}, not PNG`;
    if (width !== CARD_WIDTH || height !== CARD_HEIGHT) return `is ${width}×${height}, not ${CARD_WIDTH}×${CARD_HEIGHT}`;
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' || /missing|not exist/i.test(String(error))
      ? 'is missing from the build'
      : `cannot be read (${(error as Error).message})`;
  }
}
