/**
 * CPU time per share card, measured in-process the way a worker draws them: one libvips thread, no
 * libvips cache, the frame drawn once, JIT warmed up first. `process.cpuUsage()` counts every thread of the process, so
 * libvips's own threads are included.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { loadCardFonts } from '../../src/cards/fonts.ts';
import { createCardRenderer, photoDataUri } from '../../src/cards/render.ts';

/** `root` is where the fonts are (the project); `photo` the portrait drawn on every card. */
export async function measureCardCpu(options: {
  root: string;
  photo: string;
  titles: readonly string[];
  warmup?: number;
}): Promise<number> {
  // As in src/cards/worker.ts.
  sharp.concurrency(1);
  sharp.cache(false);
  const renderer = await createCardRenderer(
    {
      name: 'Morwenna Hale',
      domain: 'morwennahale.example',
      photoDataUri: await photoDataUri(await readFile(options.photo)),
      theme: { background: '#0f2a2e', text: '#f7f5ef', accent: '#8fd3c1' },
    },
    loadCardFonts(options.root),
  );
  for (const title of options.titles.slice(0, options.warmup ?? 20)) await renderer.render({ label: 'Essay', title });
  const before = process.cpuUsage();
  for (const title of options.titles) await renderer.render({ label: 'Essay', title });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / options.titles.length;
}
