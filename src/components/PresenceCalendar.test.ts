/**
 * Renders the presence calendar with Astro's container API. Vitest does not compile `.astro` files
 * itself (vitest.config.ts is plain Vite), so the component is loaded through a Vite server set up by
 * Astro's `getViteConfig`, without the project's astro.config.mjs and its integrations: the component
 * needs none of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getViteConfig } from 'astro/config';
import { HtmlValidate } from 'html-validate';
import { parseHTML } from 'linkedom';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CadencePiece } from '../lib/cadence.ts';
import { createFormats, type Formats } from '../lib/formats.ts';
import { DEFAULT_LANGUAGE } from '../schemas/site.ts';

/** The component's props (`tsc` cannot import types from an .astro file). */
interface Props {
  pieces: readonly CadencePiece[];
  now: Date;
  timeZone?: string;
  id?: string;
  formats?: Formats;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
let server: ViteDevServer;
let cacheDir: string;
let render: (props: Props) => Promise<string>;

beforeAll(async () => {
  // Vite's cache in a folder of its own, not the project's node_modules/.vite that others use.
  cacheDir = await mkdtemp(join(tmpdir(), 'hub-presence-vite-'));
  const config = await getViteConfig(
    {
      root,
      cacheDir,
      logLevel: 'silent',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, ws: false },
      optimizeDeps: { noDiscovery: true },
    },
    { configFile: false, root, logLevel: 'silent', devToolbar: { enabled: false } },
  )({ mode: 'test', command: 'serve' });
  server = await createServer({ ...config, configFile: false });
  const component = (await server.ssrLoadModule('/src/components/PresenceCalendar.astro'))['default'];
  const container = await AstroContainer.create();
  render = (props) => container.renderToString(component, { props: { formats: createFormats(DEFAULT_LANGUAGE), ...props } });
});

afterAll(async () => {
  await server?.close();
  if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
});

const now = new Date('2026-11-25T12:00:00Z');
const piece = (date: string, kind: CadencePiece['kind'], title: string): CadencePiece => ({
  kind,
  date: new Date(date),
  title,
  url: `/x/${title}/`,
});
const pieces: CadencePiece[] = [
  piece('2026-11-20T08:00:00Z', 'essay', 'Owning the wind'),
  piece('2026-11-20T09:00:00Z', 'note', 'A note about <script>alert(1)</script> & co'),
  piece('2026-11-20T10:00:00Z', 'essay', 'Third'),
  piece('2026-11-10', 'theory', 'Trust before turbines'),
  piece('2026-11-03', 'note', 'Village hall'),
];

function documentOf(html: string) {
  return parseHTML(`<!doctype html><html lang="en"><head><title>t</title></head><body><main>${html}</main></body></html>`).document;
}

describe('PresenceCalendar', () => {
  test('is a table with a caption, weekday row headers and month column headers, in a focusable labelled region', async () => {
    const document = documentOf(await render({ pieces, now }));
    // A <section> with a name is a region landmark (html-validate prefers it to role="region").
    const region = document.querySelector('section.presence__scroll')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    const caption = document.getElementById(region.getAttribute('aria-labelledby')!)!;
    expect(caption.tagName).toBe('CAPTION');
    expect(caption.textContent).toContain(
      'Pieces published each day from 26 November 2025 to 25 November 2026: 5 pieces (2 essays, 2 notes, 1 theory)',
    );

    const rows = [...document.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(7);
    expect(rows.map((row) => row.querySelector('th[scope="row"] .visually-hidden')?.textContent)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(rows.every((row) => row.querySelectorAll('td').length === 53)).toBe(true);

    const months = [...document.querySelectorAll('thead th[scope="colgroup"]')];
    expect(months.reduce((sum, th) => sum + Number(th.getAttribute('colspan')), 0)).toBe(53);
    expect(months[0]!.textContent).toBe('November 2025');
    expect(months.at(-1)!.textContent).toBe('NovNovember 2026');
    expect(months.at(-1)!.querySelector('[aria-hidden="true"]')!.textContent).toBe('Nov');
    expect(document.querySelectorAll('colgroup')).toHaveLength(1 + months.length);
  });

  test('gives each day a level class and says in words what it holds, titles escaped', async () => {
    const html = await render({ pieces, now });
    const document = documentOf(html);
    const day = (date: string) => document.querySelector(`td[data-date="${date}"]`)!;
    expect(day('2026-11-20').className).toBe('presence__day presence__day--l3');
    expect(day('2026-11-20').textContent).toBe(
      '20 November 2026: 2 essays, 1 note: “Owning the wind”; “A note about <script>alert(1)</script> & co”; “Third”',
    );
    expect(day('2026-11-10').className).toBe('presence__day presence__day--l1');
    expect(day('2026-11-10').textContent).toBe('10 November 2026: 1 theory: “Trust before turbines”');
    expect(day('2026-11-11').className).toBe('presence__day presence__day--l0');
    expect(day('2026-11-11').textContent).toBe('11 November 2026: nothing published');
    expect(day('2026-11-26').className).toBe('presence__day presence__day--outside');
    expect(day('2026-11-26').textContent).toBe('');
    expect(day('2025-11-25').className).toBe('presence__day presence__day--outside');
    expect(html).not.toContain('<script>');
    expect(document.querySelectorAll('td.presence__day:not(.presence__day--outside)')).toHaveLength(365);
    // No links in the grid: the pieces are not 365 (or 100) tab stops.
    expect(document.querySelectorAll('table a')).toHaveLength(0);
  });

  test('states the streaks and counts as text, and has a legend', async () => {
    const document = documentOf(await render({ pieces, now }));
    const summary = [...document.querySelectorAll('.presence__summary li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(summary).toEqual([
      'Current streak: 3 weeks (2 – 22 November 2026) — a piece by Sunday keeps it going',
      'Longest: 3 weeks (2 – 22 November 2026)',
      '5 days since the last post',
      '5 pieces in the last 90 days',
      '0.1 a week on average over the twelve months',
    ]);
    const legend = document.querySelector('.presence__legend ul')!;
    expect(document.getElementById(legend.getAttribute('aria-labelledby')!)!.textContent).toBe('Pieces a day:');
    expect([...legend.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['nothing', '1 piece', '2 pieces', '3 or more']);
    expect([...legend.querySelectorAll('.presence__swatch')].map((swatch) => swatch.className)).toEqual(
      [0, 1, 2, 3].map((level) => `presence__swatch presence__day--l${level}`),
    );
  });

  test('renders a hub with nothing published yet', async () => {
    const document = documentOf(await render({ pieces: [], now }));
    const summary = [...document.querySelectorAll('.presence__summary li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(summary).toEqual([
      'Current streak: none',
      'Longest: none',
      'nothing published yet',
      '0 pieces in the last 90 days',
      '0 a week on average over the twelve months',
    ]);
    expect(document.querySelectorAll('.presence__day--l0')).toHaveLength(365 + 1);
    expect(document.querySelector('caption')!.textContent).toContain('25 November 2026: nothing published, one column per week');
  });

  test('ends a streak that runs into this week today, not on a Sunday to come', async () => {
    const document = documentOf(await render({ pieces: [...pieces, piece('2026-11-24T08:00:00Z', 'note', 'Yesterday')], now }));
    const summary = [...document.querySelectorAll('.presence__summary li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(summary.slice(0, 3)).toEqual([
      'Current streak: 4 weeks (2 – 25 November 2026)',
      'Longest: 4 weeks (2 – 25 November 2026)',
      '1 day since the last post',
    ]);
  });

  test('counts days in the time zone it is given, with ids of its own', async () => {
    const document = documentOf(
      await render({ pieces: [piece('2026-11-20T23:30:00Z', 'note', 'Late')], now, timeZone: 'Europe/Berlin', id: 'other' }),
    );
    expect(document.querySelector('td[data-date="2026-11-21"]')!.className).toContain('--l1');
    expect(document.querySelector('section.presence__scroll')!.getAttribute('aria-labelledby')).toBe('other-caption');
    expect(document.getElementById('other-caption')).not.toBeNull();
  });

  test('is valid HTML with no inline style or script, as the CSP requires', async () => {
    const html = await render({ pieces, now });
    expect(html).not.toMatch(/\sstyle=|<style|<script/i);
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(
      `<!DOCTYPE html><html lang="en"><head><title>Impact</title></head><body><main>${html}</main></body></html>`,
    );
    expect(report.results.flatMap((result) => result.messages).map((message) => `${message.ruleId}: ${message.message}`)).toEqual([]);
  });
});
