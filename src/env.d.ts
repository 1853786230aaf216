interface ImportMetaEnv {
  /** Absolute path of the project root, defined in astro.config.mjs. */
  readonly HUB_ROOT: string;
  /** The Astro command running: 'dev', 'build', 'preview' or 'sync' (see astro.config.mjs). */
  readonly HUB_COMMAND: 'dev' | 'build' | 'preview' | 'sync';
}
