/**
 * Preloaded into a build process (`node --import`) by `site-builder.ts`: when the process exits, it
 * writes its peak resident memory to the file named by `HUB_PEAK_MEMORY_FILE`.
 *
 * Why this way: `process.resourceUsage().maxRSS` is the kernel's own high-water mark (getrusage,
 * KiB on Linux), exact and free. Polling /proc/<pid>/status from outside can only read VmHWM while
 * the process lives, so growth after the last poll is lost. Hooking `exit` from a preload measures
 * the real `astro build` command unchanged, where a runner calling Astro's `build()` would differ from
 * `npm run build` in error formatting and exit codes. Not counted: esbuild's service process, which
 * Vite spawns (about 16 MB), the same for every site built this way.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { peakMemoryFile } from '../../src/lib/hub-env.ts';

const file = peakMemoryFile(process.env);
// Worker threads inherit the preload; only the main thread exits last and sees the whole peak.
if (file && isMainThread) {
  process.on('exit', () => writeFileSync(file, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS })));
}
