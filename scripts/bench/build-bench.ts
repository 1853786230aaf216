/**
 * `npm run bench`: how long the hub takes to build a large site, against a plain Astro blog, and what
 * share cards add.
 *
 * Generates a deterministic corpus of synthetic essays and, per run, builds it six ways, each an
 * `astro build` in its own process and folder:
 *   baseline          a plain Astro blog (`baseline/`, shaped like Astro's official blog example)
 *   hub, no cards     the hub with HUB_SHARE_CARDS=off (and, like the blog, no search index)
 *   hub, cold cards   the hub with an empty card cache
 *   hub, one edit     the same folder again after editing one essay's title, Astro's cache kept (as the
 *                     publish workflow keeps it): the incremental build renders only what changed
 *   hub, warm cards   the same folder again after another edit, with Astro's cache removed: only
 *                     `.cache/cards` kept
 *   hub, cards + search  the whole production build (cards and the Pagefind index), cold: next to
 *                     "hub, cold cards" it shows what search costs; then again after one edit, as the
 *                     hourly publish builds
 *   Hugo, full build  when a `hugo` is installed (scripts/bench/hugo.ts): the same essays as a plain
 *                     Hugo blog, the reference for issue 19's targets
 * The other card builds leave search off so that their ratios measure cards alone.
 * Then, unless `--scale 0`, the scale builds: a site of N pieces (half essays, half short notes; 5000 by
 * default) and one of a fifth of that, each built cold with cards and search and again after one edit,
 * to show how cost grows with the number of pieces. Then it draws cards in-process to measure CPU per
 * card. It reports wall time, ms per piece, peak memory and the targets of the issues. Progress goes to stderr, the report to stdout (a table, or JSON with
 * `--json`; `npm run --silent bench -- --json` keeps npm's own banner off stdout).
 */
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { piecePath } from '../../src/lib/urls.ts';
import { FIXTURE_HUB, makeSite, PROJECT_ROOT, runBuild, type BuildOptions } from '../lib/site-builder.ts';
import { logLine, runCommand } from '../lib/cli.ts';
import { BENCH_FLAGS, BENCH_USAGE, benchOptions, type BenchOptions } from './bench-options.ts';
import { measureCardCpu } from './card-cpu.ts';
import { corpusFiles, generateCorpus, generateNotes, type SyntheticEssay } from './corpus.ts';
import { buildWithHugo, hugoVersion } from './hugo.ts';
import {
  formatReport,
  limitCheck,
  median,
  ratioCheck,
  summarizeBuilds,
  type BenchReport,
  type BuildSample,
  type BuildSummary,
  type Check,
  type Machine,
} from './summary.ts';

/**
 * The hub's "now" for every bench build: after the corpus's last date (2025-12-31) and the fixture
 * hub's, so the same pieces are published whatever day the benchmark runs.
 */
const HUB_NOW = '2026-12-01T00:00:00Z';

/** Targets from the issues (foundation: build speed; share cards: what cards may add). */
const TARGETS = {
  hubVsBaseline: 1.5,
  coldCardsVsNoCards: 2.5,
  warmCardsVsNoCards: 1.15,
  cardCpuMs: 15,
  oneEditPagesRendered: 5,
  // Issue 19: the whole cold build, the memory of every hub build, and growth no worse than linear
  // (cost per piece at N pieces over cost per piece at N/5; noise allowed for).
  coldCardsSearchSeconds: 10,
  oneEditVsHugo: 3,
  peakMemoryMB: 800,
  perPieceGrowth: 1.2,
} as const;

const BASELINE_TEMPLATE = fileURLToPath(new URL('./baseline/', import.meta.url));

type BuildName =
  | 'baseline'
  | 'hub, no cards'
  | 'hub, cold cards'
  | 'hub, one edit'
  | 'hub, warm cards'
  | 'hub, cards + search'
  | 'hub, cards + search, one edit';

type Log = (line: string) => void;

interface SiteUnderTest {
  root: string;
  cleanup: () => Promise<void>;
}

const baselineOptions = (essays: readonly SyntheticEssay[]): BuildOptions => ({
  template: BASELINE_TEMPLATE,
  content: false,
  files: corpusFiles(essays, 'src/content/blog'),
});

// The synthetic essays join the fixture hub (tests/fixtures/hub): its profile, settings, notes and theories.
const hubOptions = (essays: readonly SyntheticEssay[]): BuildOptions => ({
  content: FIXTURE_HUB,
  files: corpusFiles(essays, 'content/essays'),
});

/** The hub's environment, fixed here so that nothing in the caller's shell (a card cache, say) leaks in. */
const hubEnv = (root: string, features: { cards: boolean; search: boolean }): Record<string, string> => ({
  HUB_NOW,
  HUB_SHARE_CARDS: features.cards ? 'on' : 'off',
  HUB_SEARCH: features.search ? 'on' : 'off',
  HUB_CARD_CACHE: join(root, '.cache/cards'),
  SITE_URL: 'https://morwennahale.example',
});

/** Builds `site`, and checks that every page in `pages` (paths under the site's folder) was written. */
async function build(
  name: string,
  site: SiteUnderTest,
  env: Record<string, string>,
  pages: readonly string[],
): Promise<BuildSample & PagesRendered> {
  const run = await runBuild(site.root, env);
  if (run.exitCode !== 0) {
    const tail = run.output.trimEnd().split('\n').slice(-40).join('\n');
    throw new Error(`${name}: astro build failed (exit ${run.exitCode}); --keep keeps the site folder to look into.\n${tail}`);
  }
  // A build that skipped pieces would look fast: every synthetic piece must have its page.
  for (const page of pages) {
    await access(join(site.root, page)).catch(() => {
      throw new Error(`${name}: expected the page ${join(site.root, page)}, but the build did not write it`);
    });
  }
  if (run.peakRssKiB === undefined) throw new Error(`${name}: the build exited without reporting its peak memory`);
  return { wallMs: run.wallMs, peakRssKiB: run.peakRssKiB, ...pagesRendered(run.output) };
}

/** A build's progress line: wall time and peak memory. */
const timeAndMemory = (sample: BuildSample): string =>
  `${(sample.wallMs / 1000).toFixed(2)} s, ${(sample.peakRssKiB / 1024).toFixed(0)} MB`;

/** Where the build writes the page of a site path (`/essays/x/` → `dist/essays/x/index.html`). */
const builtPage = (path: string): string => `dist${path}index.html`;

interface PagesRendered {
  /** Pages and endpoints Astro generated. */
  pages: number;
  /** Of those, the ones rendered rather than copied from the incremental build's cache. */
  rendered: number;
}

/** From Astro's log: a line per generated path, marked `(cached)` or `(restored)` when it was not rendered. */
function pagesRendered(output: string): PagesRendered {
  const lines = output.split('\n').filter((line) => /[├└]─ \//.test(line));
  return { pages: lines.length, rendered: lines.filter((line) => !/ \((cached|restored)\)/.test(line)).length };
}

/** Edits one essay's title, as an author would between two builds. */
async function editOneEssay(root: string, essay: SyntheticEssay): Promise<void> {
  const file = join(root, 'content/essays', `${essay.slug}.md`);
  const text = await readFile(file, 'utf8');
  const edited = text.replace(/^title: (.*)$/m, (_line, title: string) => `title: ${title.replace(/"$/, ' (revised)"')}`);
  if (edited === text) throw new Error(`bench: could not find the title line of ${file}`);
  await writeFile(file, edited);
}

async function runBench(options: BenchOptions, log: Log): Promise<BenchReport> {
  const essays = generateCorpus({ essays: options.essays, words: options.words });
  const samples: Record<BuildName, BuildSample[]> = {
    baseline: [],
    'hub, no cards': [],
    'hub, cold cards': [],
    'hub, one edit': [],
    'hub, warm cards': [],
    'hub, cards + search': [],
    'hub, cards + search, one edit': [],
  };
  const hugoSamples: BuildSample[] = [];
  const hugo = await hugoVersion();
  log(
    hugo ? `comparing with ${hugo}` : 'no Hugo found (apt-get install hugo, or HUGO=/path/to/hugo): the comparison with Hugo is left out',
  );
  const renderedShares: number[] = [];
  const hubPages = essays.map((essay) => builtPage(piecePath('essay', essay.slug)));
  const record = (name: BuildName, sample: BuildSample, run: number): void => {
    samples[name].push(sample);
    log(`${name} ${run}/${options.runs}: ${timeAndMemory(sample)}`);
  };
  const withSite = async (siteOptions: BuildOptions, use: (site: SiteUnderTest) => Promise<void>): Promise<void> => {
    const site = await makeSite(siteOptions);
    try {
      await use(site);
    } finally {
      if (options.keep) log(`kept ${site.root}`);
      else await site.cleanup();
    }
  };
  for (let run = 1; run <= options.runs; run++) {
    // Alternating the builds within each run spreads slow spells of a shared machine over all of them.
    await withSite(baselineOptions(essays), async (site) => {
      record(
        'baseline',
        await build(
          'baseline',
          site,
          {},
          essays.map((essay) => builtPage(`/blog/${essay.slug}/`)),
        ),
        run,
      );
    });
    await withSite(hubOptions(essays), async (site) => {
      record('hub, no cards', await build('hub, no cards', site, hubEnv(site.root, { cards: false, search: false }), hubPages), run);
    });
    await withSite(hubOptions(essays), async (site) => {
      const env = hubEnv(site.root, { cards: true, search: false });
      record('hub, cold cards', await build('hub, cold cards', site, env, hubPages), run);
      await editOneEssay(site.root, essays[0]!);
      const oneEdit = await build('hub, one edit', site, env, hubPages);
      record('hub, one edit', oneEdit, run);
      renderedShares.push((100 * oneEdit.rendered) / oneEdit.pages);
      log(`hub, one edit ${run}/${options.runs}: ${oneEdit.rendered} of ${oneEdit.pages} pages rendered`);
      await editOneEssay(site.root, essays[1]!);
      await rm(join(site.root, '.cache/astro'), { recursive: true, force: true });
      await rm(join(site.root, 'dist'), { recursive: true, force: true });
      record('hub, warm cards', await build('hub, warm cards', site, env, hubPages), run);
    });
    await withSite(hubOptions(essays), async (site) => {
      const env = hubEnv(site.root, { cards: true, search: true });
      record('hub, cards + search', await build('hub, cards + search', site, env, hubPages), run);
      // The hourly publish: the whole build again after one edit, Astro's and the cards' caches kept.
      await editOneEssay(site.root, essays[0]!);
      record('hub, cards + search, one edit', await build('hub, cards + search, one edit', site, env, hubPages), run);
    });
    if (hugo) {
      const sample = await buildWithHugo(essays);
      hugoSamples.push(sample);
      log(`Hugo ${run}/${options.runs}: ${timeAndMemory(sample)}`);
    }
  }
  log('drawing cards in-process to measure CPU per card');
  const cardCpuMs = await measureCardCpu({
    root: PROJECT_ROOT,
    photo: join(FIXTURE_HUB, 'images/portrait.jpg'),
    titles: essays.slice(0, 200).map((essay) => essay.title),
  });
  const [baseline, noCards, cold, oneEdit, warm, whole, wholeEdit] = (Object.keys(samples) as BuildName[]).map((name) =>
    summarizeBuilds(name, samples[name], options.essays),
  );
  const hugoFull = hugoSamples.length > 0 ? summarizeBuilds('Hugo, full build', hugoSamples, options.essays) : undefined;
  const scale = options.scale > 0 ? await runScaleBuilds(options, log, withSite) : undefined;
  const hubBuilds = [noCards!, cold!, oneEdit!, warm!, whole!, wholeEdit!, ...(scale?.builds ?? [])];
  return {
    essays: options.essays,
    words: options.words,
    runs: options.runs,
    machine: describeMachine(),
    builds: [baseline!, ...(hugoFull ? [hugoFull] : []), ...hubBuilds],
    cardCpuMs,
    checks: [
      ratioCheck('hub (no cards) / baseline', noCards!, baseline!, TARGETS.hubVsBaseline),
      ratioCheck('cold with cards / no cards', cold!, noCards!, TARGETS.coldCardsVsNoCards),
      ratioCheck('warm with cards / no cards', warm!, noCards!, TARGETS.warmCardsVsNoCards),
      limitCheck('CPU per card', cardCpuMs, 'ms', TARGETS.cardCpuMs),
      limitCheck('pages rendered after one edit', median(renderedShares), '%', TARGETS.oneEditPagesRendered),
      limitCheck('cold with cards and search', whole!.wallMs / 1000, 's', TARGETS.coldCardsSearchSeconds),
      ...(hugoFull ? [ratioCheck('one edit (cards + search) / Hugo full build', wholeEdit!, hugoFull, TARGETS.oneEditVsHugo)] : []),
      limitCheck('peak memory, every hub build', Math.max(...hubBuilds.map((b) => b.peakRssKiB)) / 1024, 'MB', TARGETS.peakMemoryMB),
      ...(scale?.checks ?? []),
    ],
  };
}

type WithSite = (siteOptions: BuildOptions, use: (site: SiteUnderTest) => Promise<void>) => Promise<void>;

/**
 * A site of `options.scale` pieces and one of a fifth of that, half essays and half notes, each built
 * cold with cards and search, then again after one edit (one run each: the large one takes minutes).
 * The checks compare the cost per piece of the two sizes: at most linear growth keeps it level.
 */
async function runScaleBuilds(options: BenchOptions, log: Log, withSite: WithSite): Promise<{ builds: BuildSummary[]; checks: Check[] }> {
  const smaller = Math.round(options.scale / 5);
  const measured: Array<{ cold: BuildSummary; edit: BuildSummary }> = [];
  for (const pieces of [smaller, options.scale]) {
    const essays = generateCorpus({ essays: Math.ceil(pieces / 2), words: options.words });
    const notes = generateNotes({ notes: Math.floor(pieces / 2) });
    const siteOptions: BuildOptions = {
      content: FIXTURE_HUB,
      files: { ...corpusFiles(essays, 'content/essays'), ...corpusFiles(notes, 'content/notes') },
    };
    const pages = [...essays.map((essay) => piecePath('essay', essay.slug)), ...notes.map((note) => piecePath('note', note.slug))].map(
      builtPage,
    );
    await withSite(siteOptions, async (site) => {
      const env = hubEnv(site.root, { cards: true, search: true });
      const name = `${pieces} pieces`;
      const cold = await build(`${name}, cold`, site, env, pages);
      log(`${name}, cold: ${timeAndMemory(cold)}`);
      await editOneEssay(site.root, essays[0]!);
      const edit = await build(`${name}, one edit`, site, env, pages);
      log(`${name}, one edit: ${timeAndMemory(edit)}, ${edit.rendered} of ${edit.pages} pages rendered`);
      measured.push({ cold: summarizeBuilds(`${name}, cold`, [cold], pieces), edit: summarizeBuilds(`${name}, one edit`, [edit], pieces) });
    });
  }
  const [small, large] = measured as [{ cold: BuildSummary; edit: BuildSummary }, { cold: BuildSummary; edit: BuildSummary }];
  const growth = (name: string, at: (size: typeof small) => BuildSummary): Check =>
    limitCheck(name, at(large).msPerPiece / at(small).msPerPiece, '×', TARGETS.perPieceGrowth);
  return {
    builds: [small.cold, small.edit, large.cold, large.edit],
    checks: [
      growth(`cold, cost per piece at ${options.scale} / at ${smaller}`, (size) => size.cold),
      growth(`one edit, cost per piece at ${options.scale} / at ${smaller}`, (size) => size.edit),
    ],
  };
}

function describeMachine(): Machine {
  const processors = cpus();
  return {
    cpus: processors.length,
    model: processors[0]?.model.trim() ?? 'unknown',
    totalMemoryBytes: totalmem(),
    node: process.version,
  };
}

if (import.meta.main) {
  await runCommand({
    name: 'bench',
    usage: BENCH_USAGE,
    options: BENCH_FLAGS,
    run: async ({ values }) => {
      const options = benchOptions(values);
      logLine(`bench: ${options.essays} essays of about ${options.words} words, ${options.runs} run(s) of each build`);
      const report = await runBench(options, logLine);
      return options.json ? { json: report } : { output: formatReport(report) };
    },
  });
}
