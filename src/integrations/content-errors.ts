/**
 * Content mistakes in `astro dev`, shown where the person is looking: while a file under `content/`
 * has a mistake, every page the browser asks for is an error page naming the file, the field and the
 * fix (the lines src/loaders/problems.ts collects, in the format of src/lib/validation.ts); once the
 * file is fixed, the pages come back.
 *
 * It also decides when content is read again: on any change under `content/` it asks Astro to run
 * every loader (`refreshContent`), so each load runs all of the hub's checks over the whole folder.
 * (Astro's per-file reloads would skip the checks that span files, and keep showing the old entry
 * when a file breaks.) When the set of problems changes, open pages reload.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { currentProblems } from '../loaders/problems.ts';
import { formatProblem, whereIs, type ContentProblem } from '../lib/validation.ts';

/** Saves arrive as bursts of events (editors write, rename and touch); one reload follows a burst. */
const SETTLE_MS = 120;

export function contentErrors(): AstroIntegration {
  let contentDir = '';
  return {
    name: 'hub-content-errors',
    hooks: {
      'astro:config:done': ({ config }) => {
        contentDir = fileURLToPath(new URL('content/', config.root));
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        let timer: NodeJS.Timeout | undefined;
        const reload = async (): Promise<void> => {
          const before = signature(currentProblems());
          try {
            await refreshContent?.({});
          } catch (error) {
            // Not a content mistake (those are on the board): a bug, logged as Astro logs its own.
            logger.error(error instanceof Error ? error.message : String(error));
          }
          if (signature(currentProblems()) !== before) server.environments.client.hot.send({ type: 'full-reload', path: '*' });
        };
        const onEvent = (path: string): void => {
          if (!path.startsWith(contentDir)) return;
          clearTimeout(timer);
          timer = setTimeout(() => void reload(), SETTLE_MS);
        };
        server.watcher.add(contentDir);
        for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) server.watcher.on(event, onEvent);

        server.middlewares.use((request, response, next) => {
          const problems = currentProblems();
          if (problems.length === 0 || !wantsPage(request.method, request.url, request.headers.accept)) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.end(request.method === 'HEAD' ? undefined : errorPage(problems));
        });
      },
    },
  };
}

function signature(problems: readonly ContentProblem[]): string {
  return problems.map(formatProblem).join('\n');
}

/**
 * A request for a page: a browser's (it accepts text/html), or any client's that accepts anything
 * (curl, a link checker) for a path that names a page rather than a file (`/essays/x/`, `/404.html`).
 * Scripts, style sheets, images and Vite's own modules keep working, so the error page's reload
 * script can connect; and no page is rendered from content with a mistake in it.
 */
export function wantsPage(method: string | undefined, url: string | undefined, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (url?.startsWith('/@') || url?.startsWith('/node_modules/')) return false;
  if (accept?.includes('text/html')) return true;
  const path = (url ?? '/').split(/[?#]/)[0]!;
  const namesPage = path.endsWith('/') || path.endsWith('.html') || !/\.[A-Za-z0-9]+$/.test(path);
  return (accept === undefined || accept.includes('*/*')) && namesPage;
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The error page: plain HTML readable without scripts, each problem on a line of its own whose text is
 * exactly the line printed in the terminal. Vite's client script is there only to reload the page when
 * the problems change; without it, reloading by hand does the same.
 */
export function errorPage(problems: readonly ContentProblem[]): string {
  const items = problems
    .map(
      (problem) =>
        `<li><code>${escapeHtml(whereIs(problem))}</code>: <strong>${escapeHtml(problem.field)}</strong>: ${escapeHtml(problem.problem)} — ${escapeHtml(problem.fix)}</li>`,
    )
    .join('\n        ');
  const files = new Set(problems.map((problem) => problem.file)).size;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Content error: ${escapeHtml(problems[0]!.file)}</title>
    <style>
      body { margin: 0; font: 1.0625rem/1.6 system-ui, sans-serif; color: #1f2328; background: #fff; }
      main { max-width: 48rem; margin: 0 auto; padding: 2.5rem 1.25rem; }
      h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 1rem; }
      ul { padding-left: 1.25rem; }
      li { margin: 0 0 0.75rem; padding: 0.75rem 1rem; border-left: 0.25rem solid #b42318; background: #fef3f2; overflow-wrap: anywhere; }
      code { font: 0.95em/1.5 ui-monospace, monospace; }
      @media (prefers-color-scheme: dark) {
        body { color: #e6edf3; background: #0d1117; }
        li { border-left-color: #ff7b72; background: #2d1214; }
      }
    </style>
  </head>
  <body>
    <main>
      <h1>${files === 1 ? 'A content file needs' : `${files} content files need`} fixing before the site can be shown</h1>
      <ul>
        ${items}
      </ul>
      <p>Save the file with the fix and this page shows the site again (reload it if it does not).</p>
    </main>
    <script type="module" src="/@vite/client"></script>
  </body>
</html>
`;
}
