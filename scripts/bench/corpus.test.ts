import { describe, expect, test } from 'vitest';
import { CORPUS_FIRST_DATE, CORPUS_LAST_DATE, CORPUS_TAGS, corpusFiles, generateCorpus, generateNotes, NOTE_CHARACTERS } from './corpus.ts';

/** Words of prose as a reader counts them: front matter and fenced code left out. */
function proseWords(markdown: string): number {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/```[\s\S]*?```/g, '');
  return body.split(/\s+/).filter((token) => /[a-z]/i.test(token)).length;
}

function frontMatter(markdown: string): string {
  return /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
}

describe('generateCorpus', () => {
  const essays = generateCorpus({ essays: 40, words: 1000 });

  test('returns identical essays for identical options', () => {
    expect(generateCorpus({ essays: 40, words: 1000 })).toEqual(essays);
  });

  test('returns different essays for another seed', () => {
    expect(generateCorpus({ essays: 1, words: 1000, seed: 1 })).not.toEqual(generateCorpus({ essays: 1, words: 1000, seed: 2 }));
  });

  test('returns essays of about the requested number of words', () => {
    for (const essay of essays) {
      expect(proseWords(essay.markdown)).toBe(essay.words);
      expect(essay.words).toBeGreaterThanOrEqual(1000);
      expect(essay.words).toBeLessThanOrEqual(1030);
    }
    const short = generateCorpus({ essays: 5, words: 200 });
    for (const essay of short) expect(proseWords(essay.markdown)).toBeLessThanOrEqual(230);
  });

  test('returns essays with headings, lists, blockquotes, links, emphasis and fenced code', () => {
    for (const { markdown } of essays) {
      expect(markdown).toMatch(/^## \S/m);
      expect(markdown).toMatch(/^### \S/m);
      expect(markdown).toMatch(/^- \S/m);
      expect(markdown).toMatch(/^1\. \S/m);
      expect(markdown).toMatch(/^> \S/m);
      expect(markdown).toMatch(/\[[^\]]+\]\(https:\/\/example\.com\/[^)]+\)/);
      expect(markdown).toMatch(/\*\*?[a-z'-]+\*\*?/);
      expect(markdown).toMatch(/^```(ts|yaml|bash|json)\n[\s\S]+?\n```$/m);
    }
  });

  test('returns unique slugs, tags from the small set and past dates within the range', () => {
    expect(new Set(essays.map((essay) => essay.slug)).size).toBe(essays.length);
    for (const { slug, markdown } of essays) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const fields = frontMatter(markdown);
      expect(fields).toMatch(/^title: ".+"$/m);
      expect(fields).toMatch(/^description: ".+"$/m);
      const tags = /^tags: \[(.+)\]$/m.exec(fields)?.[1]?.split(', ') ?? [];
      expect(tags.length).toBeGreaterThanOrEqual(1);
      for (const tag of tags) expect(CORPUS_TAGS).toContain(tag);
      for (const [, day] of fields.matchAll(/^(?:date|updated): (\S+)$/gm)) {
        expect(day! >= CORPUS_FIRST_DATE && day! <= CORPUS_LAST_DATE).toBe(true);
      }
    }
    const days = new Set(essays.map(({ markdown }) => /^date: (\d{4})/m.exec(markdown)?.[1]));
    expect(days.size).toBeGreaterThan(1);
  });
});

describe('corpusFiles', () => {
  test('returns one Markdown file per essay under the folder', () => {
    const essays = generateCorpus({ essays: 3, words: 50 });
    const files = corpusFiles(essays, 'content/essays');
    expect(Object.keys(files)).toEqual(essays.map((essay) => `content/essays/${essay.slug}.md`));
    expect(Object.values(files)).toEqual(essays.map((essay) => essay.markdown));
  });
});

describe('generateNotes', () => {
  const notes = generateNotes({ notes: 60 });

  test('returns the same short, dated, tagged notes for the same options, with slugs that never repeat', () => {
    expect(generateNotes({ notes: 60 })).toEqual(notes);
    expect(new Set(notes.map((note) => note.slug)).size).toBe(60);
    for (const note of notes) {
      expect(note.slug).toMatch(/^\d{4}-\d{2}-\d{2}-[a-z0-9-]+-\d{4}$/);
      expect(frontMatter(note.markdown)).toMatch(/^date: \d{4}-\d{2}-\d{2}\ntags: \[[a-z, ]+\]$/);
      expect(proseWords(note.markdown)).toBe(note.words);
      expect(note.words).toBeGreaterThan(0);
      expect(note.markdown.replace(/^---\n[\s\S]*?\n---\n\n/, '').trimEnd().length).toBeLessThanOrEqual(NOTE_CHARACTERS);
    }
  });
});
