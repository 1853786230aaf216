/**
 * The one place the scripts read what a person wrote in `content/`. Everything else they need from
 * the site comes from what it published (`dist/feed.json`, src/contract/feed.ts) or from the files the
 * scripts themselves keep there (the ledger and the engagement snapshots, src/contract/). `./hub init`
 * and `./hub new` write `content/`, and init looks at the profile it is about to replace; neither reads
 * it for what it says.
 *
 * - Every essay, note and theory, drafts and future-dated ones included: what `npm run status` needs
 *   to list what is scheduled, which the built feed cannot say (it holds only what is published). They
 *   are read with the site's own rules: dates checked as written (src/loaders/front-matter-dates.ts),
 *   the front matter found as the loaders find it (src/lib/front-matter.ts) and read as the content
 *   layer reads it — YAML timestamps become dates as js-yaml (Astro's front-matter parser) makes them —
 *   then checked by the collections' own schemas (src/schemas/), and the publishing rule from
 *   src/lib/publishing.ts.
 * - The policy, `content/policy.yaml` (its shape: src/contract/policy.ts).
 * - The site's language, from `content/site.yaml`, so what the scripts print reads as the site does.
 * - Its follow block (`follow:` in `content/site.yaml`): whether `./hub run webmentions` tells Bridgy Fed.
 * - Its address and analytics block (`analytics:`): where `./hub run collect` pulls readers from.
 * - The person's handles on each network, from `content/profile.yaml` (checked by the profile
 *   schema's own `handles` field), so `conversations` knows which replies are the person's own.
 * - The answers ledger, `content/evidence/answers.json` (its shape: src/contract/answers.ts), which the
 *   reply command writes and `conversations` reads to say which replies are answered.
 */
import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { readTextIfExists } from './optional-file.ts';
import { ANSWERS_FILE, emptyAnswers, parseAnswers, type Answers } from '../../src/contract/answers.ts';
import { KIND_COLLECTIONS, PIECE_KINDS, type PieceKind } from '../../src/contract/kinds.ts';
import { emptyPolicy, parsePolicy, POLICY_FILE, type Policy } from '../../src/contract/policy.ts';
import { ledgerKey } from '../../src/contract/ledger.ts';
import type { Network } from '../../src/contract/networks.ts';
import { profileSchema } from '../../src/schemas/profile.ts';
import { splitFrontMatter } from '../../src/lib/front-matter.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { noteTitle } from '../../src/lib/text.ts';
import { loadSiteSettings, SITE_SETTINGS_FILE } from '../../src/lib/site-settings.ts';
import { ContentError, issueProblems, WHOLE_FILE } from '../../src/lib/validation.ts';
import { checkFrontMatterDates } from '../../src/loaders/front-matter-dates.ts';
import { yamlSyntaxProblem } from '../../src/loaders/yaml-errors.ts';
import type { CitingSchemaContext } from '../../src/schemas/cites.ts';
import { essaySchema } from '../../src/schemas/essay.ts';
import { DEFAULT_LANGUAGE, type SiteSettings } from '../../src/schemas/site.ts';
import { noteSchema } from '../../src/schemas/note.ts';
import { theorySchema } from '../../src/schemas/theory.ts';

/** The file patterns of src/content.config.ts: notes are Markdown only. */
const PATTERNS: Record<PieceKind, string> = { essay: '**/*.{md,mdx}', note: '**/*.md', theory: '**/*.{md,mdx}' };

/**
 * Astro hands the schemas its `image()` and `reference()`, which exist only inside a build. Outside
 * one, an image path or a cited file name is taken as the text it is: the build checks that they point
 * at something, and status shows neither.
 */
const outsideAstro = { image: () => z.string(), reference: () => z.string() } as unknown as CitingSchemaContext;

const SCHEMAS = {
  essay: essaySchema(outsideAstro),
  note: noteSchema(outsideAstro),
  theory: theorySchema(outsideAstro),
} satisfies Record<PieceKind, z.ZodType>;

export interface ContentPiece {
  kind: PieceKind;
  /** Project-relative path, `content/essays/owning-the-wind.md`. */
  file: string;
  /** The title; a note's is its first sentence, as on the site. */
  title: string;
  date: Date;
  draft: boolean;
}

export type PieceState = 'published' | 'scheduled' | 'draft';

/** Published (the site shows it), scheduled (not a draft, dated in the future) or a draft. */
export function pieceState(piece: ContentPiece, now: Date): PieceState {
  if (isPublished(piece, { now, showUnpublished: false })) return 'published';
  return piece.draft ? 'draft' : 'scheduled';
}

function checked<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new ContentError(issueProblems(file, result.error.issues, raw));
  return result.data;
}

async function readPiece(root: string, kind: PieceKind, file: string): Promise<ContentPiece> {
  const path = join(root, file);
  const problem = await checkFrontMatterDates(path, file);
  if (problem) throw new ContentError(problem);
  const frontMatter = splitFrontMatter(await readFile(path, 'utf8'));
  if (!frontMatter)
    throw new ContentError({
      file,
      field: WHOLE_FILE,
      problem: 'has no front matter',
      fix: 'start the file with its fields between two --- lines',
    });
  let raw: unknown;
  try {
    // YAML 1.1 timestamps, as js-yaml reads them: `date: 2026-11-25` is a date, not a string.
    raw = parseYaml(frontMatter.yaml, { customTags: ['timestamp'] }) ?? {};
  } catch (error) {
    throw new ContentError(
      yamlSyntaxProblem({ file, source: frontMatter.yaml, reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  if (kind === 'note') {
    const { date, draft } = checked(SCHEMAS.note, raw, file);
    return { kind, file, title: noteTitle(frontMatter.body), date, draft };
  }
  const { title, date, draft } = kind === 'essay' ? checked(SCHEMAS.essay, raw, file) : checked(SCHEMAS.theory, raw, file);
  return { kind, file, title, date, draft };
}

/** Every piece under `content/essays`, `content/notes` and `content/theories` of the project at `root`, oldest first. */
export async function readContentPieces(root: string): Promise<ContentPiece[]> {
  const pieces: ContentPiece[] = [];
  for (const kind of PIECE_KINDS) {
    const folder = `content/${KIND_COLLECTIONS[kind]}`;
    const files: string[] = [];
    try {
      for await (const file of glob(PATTERNS[kind], { cwd: join(root, folder) })) files.push(`${folder}/${file.split('\\').join('/')}`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    pieces.push(...(await Promise.all(files.sort().map((file) => readPiece(root, kind, file)))));
  }
  return pieces.sort((a, b) => a.date.getTime() - b.date.getTime() || a.file.localeCompare(b.file));
}

/** Reads the policy from `file` (named `label` in messages); without a policy file nothing is held. */
export async function readPolicy(file: string, label: string = POLICY_FILE): Promise<Policy> {
  const text = await readTextIfExists(file);
  return text === undefined ? emptyPolicy() : parsePolicy(text, label);
}

/**
 * The language dates and numbers are written in (`language` in content/site.yaml). A broken site.yaml
 * is the build's to report, naming the field; what the scripts print falls back to the default.
 */
export function readSiteLanguage(root: string, env: Record<string, string | undefined> = process.env): string {
  try {
    return loadSiteSettings(root, env as NodeJS.ProcessEnv).language;
  } catch (error) {
    if (error instanceof ContentError) return DEFAULT_LANGUAGE;
    throw error;
  }
}

/**
 * The follow block of `content/site.yaml` (src/schemas/site.ts). Unlike the language, a broken
 * site.yaml is an error here: guessing would tell Bridgy Fed about a site that never asked, or not tell one that did.
 */
export function readFollowSettings(root: string, env: Record<string, string | undefined> = process.env): SiteSettings['follow'] {
  return loadSiteSettings(root, env as NodeJS.ProcessEnv).follow;
}

/**
 * The site's address and its analytics settings (`url` and `analytics:` in content/site.yaml), for
 * `collect` to pull readers per piece; undefined without a site.yaml (a project that only syndicates
 * has nothing to count). A broken site.yaml is an error here, as for the follow block.
 */
export function readAnalyticsSettings(
  root: string,
  env: Record<string, string | undefined> = process.env,
): { url: string; analytics: SiteSettings['analytics'] } | undefined {
  if (!existsSync(join(root, SITE_SETTINGS_FILE))) return undefined;
  const settings = loadSiteSettings(root, env as NodeJS.ProcessEnv);
  return { url: settings.url, analytics: settings.analytics };
}

/** The answers ledger of the project at `root`; a hub that has answered nothing has none, which reads as empty. */
export async function readAnswers(root: string): Promise<Answers> {
  const text = await readTextIfExists(join(root, ANSWERS_FILE));
  return text === undefined ? emptyAnswers() : parseAnswers(text, ANSWERS_FILE);
}

const PROFILE_FILE = 'content/profile.yaml';
const handlesSchema = z.object({ handles: profileSchema(outsideAstro).shape.handles });

/**
 * The person's handle on each network (`handles` in content/profile.yaml), as written there
 * (`ada.bsky.social`, `@ada@mastodon.social`, `ada`). None when there is no profile yet; a broken
 * `handles` field throws naming the file and the field (the rest of the profile is the build's to check).
 */
export async function readProfileHandles(root: string): Promise<Partial<Record<Network, string>>> {
  const text = await readTextIfExists(join(root, PROFILE_FILE));
  if (text === undefined) return {};
  let raw: unknown;
  try {
    raw = parseYaml(text) ?? {};
  } catch (error) {
    throw new ContentError(
      yamlSyntaxProblem({ file: PROFILE_FILE, source: text, reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  return checked(handlesSchema, raw, PROFILE_FILE).handles;
}

/**
 * The title of every piece, by its item key (`essay/<slug>`, as the ledger and the snapshots name it).
 * The slug is the file's name without its extension, as the site makes it for the names `./hub new`
 * gives; a piece whose file name Astro would change is left out, and named by its key instead.
 */
export async function readPieceTitles(root: string): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const piece of await readContentPieces(root)) {
    const slug = piece.file
      .slice(`content/${KIND_COLLECTIONS[piece.kind]}/`.length)
      .replace(/\.(md|mdx)$/, '')
      .toLowerCase();
    titles.set(ledgerKey(piece.kind, slug), piece.title);
  }
  return titles;
}
