/**
 * A failed build never leaves half a `dist/`: a page that throws while the site is being rendered
 * (after other pages were written) leaves the previous site whole, and the next good build replaces
 * it and clears what the failed one left behind.
 */
import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { makeSite, useCleanBuildEnvironment } from './helpers/site.ts';

const FAILING_PAGE = 'src/pages/zz-late-failure.astro';

let site: Awaited<ReturnType<typeof makeSite>>;
afterAll(() => site?.cleanup());

test('a build that fails while rendering leaves the previous dist/ as it was', async () => {
  useCleanBuildEnvironment();
  site = await makeSite();
  const dist = join(site.root, 'dist');
  const first = await runBuild(site.root);
  expect(first.exitCode, first.output).toBe(0);
  await writeFile(join(dist, 'previous-build.txt'), 'the site as last published\n');

  await writeFile(join(site.root, FAILING_PAGE), "---\nthrow new Error('injected failure late in rendering');\n---\n");
  const failed = await runBuild(site.root);
  expect(failed.exitCode).not.toBe(0);
  expect(failed.output).toContain('injected failure late in rendering');
  expect(existsSync(join(dist, 'previous-build.txt'))).toBe(true);
  expect(existsSync(join(dist, 'index.html'))).toBe(true);
  expect(existsSync(join(dist, 'zz-late-failure'))).toBe(false);

  await rm(join(site.root, FAILING_PAGE));
  const next = await runBuild(site.root);
  expect(next.exitCode, next.output).toBe(0);
  expect(existsSync(join(dist, 'previous-build.txt'))).toBe(false);
  expect(existsSync(join(dist, 'index.html'))).toBe(true);
  expect((await readdir(site.root)).filter((name) => name.includes('staging'))).toEqual([]);
});
