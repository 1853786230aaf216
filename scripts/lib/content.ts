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
 * - The press watch's settings, `content/press-watch.yaml` (src/schemas/presswatch.ts), and the press
 *   entries in `content/press/`, which the press watch also writes: a proposal is a new draft entry,
 *   confirming one takes its draft flag away, rejecting one removes the file (scripts/press-watch/).
 * - The invitations to speak, `content/invitations/` (src/schemas/invitation.ts): status lists the
 *   pending ones, and `./hub new talk --from-invitation` turns an accepted one into a talk.
 */
import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { rm } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { createFileAtomically, replaceFileAtomically } from './atomic-file.ts';
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
import { invitationSchema, type InvitationData } from '../../src/schemas/invitation.ts';
import { DEFAULT_LANGUAGE, type SiteSettings } from '../../src/schemas/site.ts';
import { noteSchema } from '../../src/schemas/note.ts';
import { pressSchema, type PressKind } from '../../src/schemas/press.ts';
import { PRESS_WATCH_FILE, presswatchSchema } from '../../src/schemas/presswatch.ts';
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

/** A file's front matter as the content layer reads it, dates checked as written; throws a `ContentError` naming the file. */
async function readFrontMatter(root: string, file: string): Promise<{ raw: unknown; text: string; body: string }> {
  const path = join(root, file);
  const problem = await checkFrontMatterDates(path, file);
  if (problem) throw new ContentError(problem);
  const text = await readFile(path, 'utf8');
  const frontMatter = splitFrontMatter(text);
  if (!frontMatter)
    throw new ContentError({
      file,
      field: WHOLE_FILE,
      problem: 'has no front matter',
      fix: 'start the file with its fields between two --- lines',
    });
  try {
    // YAML 1.1 timestamps, as js-yaml reads them: `date: 2026-11-25` is a date, not a string.
    return { raw: parseYaml(frontMatter.yaml, { customTags: ['timestamp'] }) ?? {}, text, body: frontMatter.body };
  } catch (error) {
    throw new ContentError(
      yamlSyntaxProblem({ file, source: frontMatter.yaml, reason: error instanceof Error ? error.message : String(error) }),
    );
  }
}

async function readPiece(root: string, kind: PieceKind, file: string): Promise<ContentPiece> {
  const { raw, body } = await readFrontMatter(root, file);
  if (kind === 'note') {
    const { date, draft } = checked(SCHEMAS.note, raw, file);
    return { kind, file, title: noteTitle(body), date, draft };
  }
  const { title, date, draft } = kind === 'essay' ? checked(SCHEMAS.essay, raw, file) : checked(SCHEMAS.theory, raw, file);
  return { kind, file, title, date, draft };
}

const INVITATIONS_FOLDER = 'content/invitations';

/** An invitation to speak, as its file says. */
export interface ContentInvitation {
  /** Its file name without `.md`, which a talk's `invitation:` names. */
  id: string;
  /** Project-relative path, `content/invitations/energy-futures-week-2027.md`. */
  file: string;
  data: InvitationData;
  /** The file as written, for a command that changes a field and keeps the rest. */
  text: string;
}

async function readInvitationFile(root: string, id: string): Promise<ContentInvitation> {
  const file = `${INVITATIONS_FOLDER}/${id}.md`;
  const { raw, text } = await readFrontMatter(root, file);
  return { id, file, data: checked(invitationSchema, raw, file), text };
}

/** Every invitation under `content/invitations/` of the project at `root`, oldest first; none without the folder. */
export async function readInvitations(root: string): Promise<ContentInvitation[]> {
  const ids: string[] = [];
  try {
    for await (const file of glob('*.md', { cwd: join(root, INVITATIONS_FOLDER) })) ids.push(file.slice(0, -'.md'.length));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const invitations = await Promise.all(ids.sort().map((id) => readInvitationFile(root, id)));
  return invitations.sort((a, b) => a.data.asked.getTime() - b.data.asked.getTime() || a.id.localeCompare(b.id));
}

/** The invitation `content/invitations/<id>.md`; a missing one is an `Error` naming the file and the invitations there are. */
export async function readInvitation(root: string, id: string): Promise<ContentInvitation> {
  if (!/^[^/\\.][^/\\]*$/.test(id))
    throw new Error(`${JSON.stringify(id)} is not an invitation's file name: give it without folder or .md`);
  try {
    return await readInvitationFile(root, id.replace(/\.md$/, ''));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const known = (await readInvitations(root)).map((invitation) => invitation.id);
    const choices = known.length > 0 ? `one of ${known.join(', ')}` : 'none yet: ./hub new invitation "Event" writes one';
    throw new Error(`${INVITATIONS_FOLDER}/${id}.md does not exist; the invitations are ${choices}`, { cause: error });
  }
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

/** The YAML of `file` as js-yaml would read it; a syntax error throws naming the file and line. */
function parseYamlFile(text: string, file: string): unknown {
  try {
    return parseYaml(text, { customTags: ['timestamp'] }) ?? {};
  } catch (error) {
    throw new ContentError(yamlSyntaxProblem({ file, source: text, reason: error instanceof Error ? error.message : String(error) }));
  }
}

export interface PressWatchSettings {
  feeds: Array<{ url: string; label?: string | undefined }>;
  /** The names that count as a mention; the profile's name when the file names none. */
  names: string[];
}

/** The press watch's settings (`content/press-watch.yaml`); undefined when the hub watches no feeds. */
export async function readPressWatch(root: string): Promise<PressWatchSettings | undefined> {
  const text = await readTextIfExists(join(root, PRESS_WATCH_FILE));
  if (text === undefined) return undefined;
  const settings = checked(presswatchSchema, parseYamlFile(text, PRESS_WATCH_FILE), PRESS_WATCH_FILE);
  if (settings.names) return { feeds: settings.feeds, names: settings.names };
  const profileText = await readTextIfExists(join(root, PROFILE_FILE));
  const profile = profileText === undefined ? {} : parseYamlFile(profileText, PROFILE_FILE);
  const name = (profile as { name?: unknown }).name;
  if (typeof name !== 'string' || name.trim() === '')
    throw new ContentError({
      file: PRESS_WATCH_FILE,
      field: 'names',
      problem: 'is missing and the profile has no name',
      fix: 'list the names to look for, like names: [Morwenna Hale]',
    });
  return { feeds: settings.feeds, names: [name.trim()] };
}

const PRESS_FOLDER = 'content/press';
const pressEntrySchema = pressSchema(outsideAstro);

export interface PressEntry {
  /** The file name without `.md`: what `./hub run press -- confirm <id>` takes. */
  id: string;
  /** Project-relative path. */
  file: string;
  outlet: string;
  headline: string;
  url: string;
  kind: PressKind;
  quote: string;
  draft: boolean;
  /** Set on an entry the press watch proposed. */
  proposed?: { feed: string; foundAt: string } | undefined;
}

/** Every entry in `content/press/` (top level: the watch writes there), by file name. */
export async function readPressEntries(root: string): Promise<PressEntry[]> {
  const entries: PressEntry[] = [];
  const files: string[] = [];
  try {
    for await (const file of glob('*.md', { cwd: join(root, PRESS_FOLDER) })) files.push(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const name of files.sort()) {
    const file = `${PRESS_FOLDER}/${name}`;
    const frontMatter = splitFrontMatter(await readFile(join(root, file), 'utf8'));
    if (!frontMatter) continue; // The build reports a file without front matter, naming it.
    const data = checked(pressEntrySchema, parseYamlFile(frontMatter.yaml, file), file);
    const foundAt = data.proposed?.foundAt;
    entries.push({
      id: name.replace(/\.md$/, ''),
      file,
      outlet: data.outlet,
      headline: data.headline,
      url: data.url,
      kind: data.kind,
      quote: data.quote,
      draft: data.draft,
      proposed: data.proposed && { feed: data.proposed.feed, foundAt: foundAt instanceof Date ? foundAt.toISOString() : String(foundAt) },
    });
  }
  return entries;
}

/**
 * Writes a new press entry (`text`: front matter and body) as `content/press/<id>.md`, whole or not at
 * all, never over an existing file: when the name is taken, `<id>-2`, `-3`… Resolves to the id used
 * and the project-relative file.
 */
export async function createPressEntry(root: string, id: string, text: (id: string) => string): Promise<{ id: string; file: string }> {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? id : `${id}-${n}`;
    const file = `${PRESS_FOLDER}/${candidate}.md`;
    if (await createFileAtomically(join(root, file), text(candidate))) return { id: candidate, file };
  }
}

function pressFile(root: string, id: string): string {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
    throw new Error(`${id}: not a press entry id — ids are file names in ${PRESS_FOLDER}, like severn-chronicle-village-turbine`);
  return join(root, PRESS_FOLDER, `${id}.md`);
}

/** Publishes a proposed entry: its front matter loses `draft: true` (comments and the rest kept as written). */
export async function confirmPressEntry(root: string, id: string): Promise<void> {
  const path = pressFile(root, id);
  const text = await readTextIfExists(path);
  if (text === undefined) throw new Error(`${PRESS_FOLDER}/${id}.md: no such press entry — ./hub run press lists those awaiting review`);
  const frontMatter = splitFrontMatter(text);
  if (!frontMatter) throw new Error(`${PRESS_FOLDER}/${id}.md: has no front matter — start the file with its fields between two --- lines`);
  const document = parseDocument(frontMatter.yaml);
  document.delete('draft');
  await replaceFileAtomically(path, `---\n${document.toString()}---\n${frontMatter.body}`);
}

/** Removes a rejected proposal's file; a file already gone is not an error. */
export async function removePressEntry(root: string, id: string): Promise<void> {
  await rm(pressFile(root, id), { force: true });
}
