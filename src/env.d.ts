interface ImportMetaEnv {
  /** Absolute path of the project root, defined in astro.config.mjs. */
  readonly HUB_ROOT: string;
}
