/**
 * Every essay, note and theory as written in `content/`, drafts and future-dated ones included: what
 * `npm run status` needs to list what is scheduled, which the built feed cannot say (it holds only
 * what is published). Only the fields status shows are read, with the site's own rules: dates checked
 * as written (src/loaders/front-matter-dates.ts), then read as the content layer reads them — YAML
 * timestamps become dates as js-yaml (Astro's front-matter parser) makes them, and strings go through
 * the schemas' `dateField` — and the publishing rule from src/lib/publishing.ts.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { checkFrontMatterDates } from '../../src/loaders/front-matter-dates.ts';
import { yamlSyntaxProblem } from '../../src/loaders/yaml-errors.ts';
import { KIND_COLLECTIONS } from '../../src/lib/pieces.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { noteTitle } from '../../src/lib/text.ts';
import type { PieceKind } from '../../src/lib/urls.ts';
import { ContentError, issueProblems, WHOLE_FILE } from '../../src/lib/validation.ts';
import { dateField, textField } from '../../src/schemas/fields.ts';

/** The file patterns of src/content.config.ts: notes are Markdown only. */
const PATTERNS: Record<PieceKind, string> = { essay: '**/*.{md,mdx}', note: '**/*.md', theory: '**/*.{md,mdx}' };

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** The fields status reads, as the collection schemas (src/schemas/essay.ts, note.ts, theory.ts) define them. */
const noteFields = z.object({
  date: dateField,
  draft: z.boolean({ error: 'expected true or false' }).default(false),
});
const titledFields = noteFields.extend({ title: textField('a title') });

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

async function readPiece(root: string, kind: PieceKind, file: string): Promise<ContentPiece> {
  const path = join(root, file);
  const problem = await checkFrontMatterDates(path, file);
  if (problem) throw new ContentError(problem);
  const match = FRONT_MATTER.exec(await readFile(path, 'utf8'));
  if (!match)
    throw new ContentError({
      file,
      field: WHOLE_FILE,
      problem: 'has no front matter',
      fix: 'start the file with its fields between two --- lines',
    });
  const [, yaml, body] = match as unknown as [string, string, string];
  let raw: unknown;
  try {
    // YAML 1.1 timestamps, as js-yaml reads them: `date: 2026-11-25` is a date, not a string.
    raw = parseYaml(yaml, { customTags: ['timestamp'] }) ?? {};
  } catch (error) {
    throw new ContentError(yamlSyntaxProblem({ file, source: yaml, reason: error instanceof Error ? error.message : String(error) }));
  }
  if (kind === 'note') {
    const result = noteFields.safeParse(raw);
    if (!result.success) throw new ContentError(issueProblems(file, result.error.issues, raw));
    return { kind, file, title: noteTitle(body), ...result.data };
  }
  const result = titledFields.safeParse(raw);
  if (!result.success) throw new ContentError(issueProblems(file, result.error.issues, raw));
  return { kind, file, ...result.data };
}

/** Every piece under `content/essays`, `content/notes` and `content/theories` of the project at `root`, oldest first. */
export async function readContentPieces(root: string): Promise<ContentPiece[]> {
  const pieces: ContentPiece[] = [];
  for (const kind of Object.keys(PATTERNS) as PieceKind[]) {
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
