// The hub's architecture as rules dependency-cruiser checks (tests/architecture.test.ts runs them).
// One direction: pages/components/layouts → src/data → src/lib, src/schemas, src/contract; src/ never
// reaches into scripts/ or tests/; and scripts read content/ through the one module meant for it.

/**
 * The module under scripts/ that reads content/ and parses it with the build's loaders and schemas:
 * status and the policy guard go through it. Paths are regular expressions from the project root.
 */
export const CONTENT_READERS = ['^scripts/lib/content\\.ts$'];

/**
 * The modules under scripts/ that write content/ (so they name it and check what they write against
 * the schemas): `./hub init`, `./hub new`, and the site builder and benchmark that fill a temp site.
 */
export const CONTENT_WRITERS = [
  '^scripts/init/',
  '^scripts/init\\.ts$',
  '^scripts/new\\.ts$',
  '^scripts/lib/site-builder\\.ts$',
  '^scripts/bench/',
];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle means two modules are one concern split in two: move the shared piece to the module it belongs to.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-is-pure',
      comment:
        'src/lib is plain TypeScript, unit-tested without Astro: no astro:* modules (the callers in src/data fetch and pass plain data).',
      severity: 'error',
      from: { path: '^src/lib/' },
      to: { path: '^astro:' },
    },
    {
      name: 'src-stands-alone',
      comment: 'The site does not depend on the command-line scripts or the tests; shared code lives in src/ and scripts import it.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(scripts|tests)/' },
    },
    {
      name: 'lib-schemas-contract-below-data',
      comment: 'src/lib, src/schemas and src/contract sit below src/data: they never import it, nor the pages, components or layouts.',
      severity: 'error',
      from: { path: '^src/(lib|schemas|contract)/' },
      to: { path: '^src/(data|pages|components|layouts)/' },
    },
    {
      name: 'data-below-pages',
      comment: 'src/data hands plain data to pages, components and layouts; it never imports them.',
      severity: 'error',
      from: { path: '^src/data/' },
      to: { path: '^src/(pages|components|layouts)/' },
    },
    {
      name: 'scripts-read-content-through-one-module',
      comment: "Only the content reader (and the commands that write content/) parse front matter with the build's loaders and schemas.",
      severity: 'error',
      from: { path: '^scripts/', pathNot: [...CONTENT_READERS, ...CONTENT_WRITERS] },
      to: { path: '^src/(loaders|schemas)/' },
    },
  ],
  options: {
    // Type-only imports count: a cycle through types is still two modules that cannot be understood apart.
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|content|\\.astro|\\.cache|scripts/bench/baseline|tests/fixtures)/' },
  },
};
