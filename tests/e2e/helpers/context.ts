/**
 * What the global setup (global-setup.ts) hands every test file: the built fixture hub and the local
 * server it is served from.
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://127.0.0.1:<port>`; the site was built with this as its `SITE_URL`. */
    origin: string;
    /** The build's output folder. */
    dist: string;
    /** Where test files leave their figures for the summary table printed at the end of the run. */
    figuresDir: string;
  }
}

export interface E2eSite {
  origin: string;
  dist: string;
  figuresDir: string;
  /** An absolute URL on the local server for a site path. */
  url(path: string): string;
}

export function e2eSite(): E2eSite {
  const origin = inject('origin');
  return { origin, dist: inject('dist'), figuresDir: inject('figuresDir'), url: (path) => new URL(path, origin).href };
}
