import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../lib/validation.ts';
import { findMissingImage, missingImageProblem } from './image-paths.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'image-paths-'));
  await writeFile(join(root, 'here.jpg'), '');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('findMissingImage', () => {
  test('returns the field and path of a relative image that does not exist', () => {
    const data = { title: 'T', hero: { src: '__ASTRO_IMAGE_./gone.jpg', alt: 'A' } };
    expect(findMissingImage(data, join(root, 'essay.md'), root)).toEqual({ field: 'hero.src', src: './gone.jpg', lookedFor: 'gone.jpg' });
  });

  test('returns undefined when the image exists', () => {
    expect(findMissingImage({ hero: { src: '__ASTRO_IMAGE_./here.jpg' } }, join(root, 'essay.md'), root)).toBeUndefined();
  });

  test('ignores plain strings, dates, URLs and public paths', () => {
    const data = { title: './gone.jpg', date: new Date(), remote: '__ASTRO_IMAGE_https://a.example/x.jpg', public: '__ASTRO_IMAGE_/x.jpg' };
    expect(findMissingImage(data, join(root, 'essay.md'), root)).toBeUndefined();
  });

  test('looks inside lists', () => {
    const data = { gallery: [{ src: '__ASTRO_IMAGE_../here.jpg' }, { src: '__ASTRO_IMAGE_../gone.png' }] };
    expect(findMissingImage(data, join(root, 'sub', 'essay.md'), root)?.field).toBe('gallery.1.src');
  });
});

describe('missingImageProblem', () => {
  test('names the file, the field, the path that leads nowhere and the fix', () => {
    const problem = missingImageProblem('content/essays/x.md', {
      field: 'hero.src',
      src: './gone.jpg',
      lookedFor: 'content/essays/gone.jpg',
    });
    expect(formatProblem(problem)).toBe(
      'content/essays/x.md: hero.src: is "./gone.jpg", which does not exist (looked for content/essays/gone.jpg) — use the path of an image file relative to this file, or add the image there',
    );
  });
});
