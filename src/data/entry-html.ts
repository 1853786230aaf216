/**
 * The HTML of an entry's body, for feeds. Markdown entries carry it already (Astro renders them when
 * the collection loads); MDX entries are components and are rendered through Astro's container API.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';
import { render } from 'astro:content';
import { getContainerRenderer as getMdxRenderer } from '@astrojs/mdx/container-renderer';
import type { PieceEntry } from './pieces.ts';

let container: Promise<AstroContainer> | undefined;

function getContainer(): Promise<AstroContainer> {
  container ??= loadRenderers([getMdxRenderer()]).then((renderers) => AstroContainer.create({ renderers }));
  return container;
}

export async function entryHtml(entry: PieceEntry): Promise<string> {
  if (entry.rendered?.html !== undefined) return entry.rendered.html;
  const { Content } = await render(entry);
  return (await getContainer()).renderToString(Content);
}
