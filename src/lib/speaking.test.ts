import { describe, expect, test } from 'vitest';
import { bioVersions, bookingEmailBody, describeImageFile, headshotFileName, headshotSizeProblem } from './speaking.ts';

describe('bioVersions', () => {
  test('returns the three bios shortest first, with word counts and paragraphs', () => {
    const bios = bioVersions({
      short: 'One two three.',
      medium: 'One two three four five.',
      long: 'First paragraph here.\n\nSecond\nparagraph.',
    });
    expect(bios.map((bio) => [bio.length, bio.words])).toEqual([
      ['short', 3],
      ['medium', 5],
      ['long', 5],
    ]);
    expect(bios[2]!.paragraphs).toEqual(['First paragraph here.', 'Second paragraph.']);
  });
});

describe('headshotSizeProblem', () => {
  test('accepts 1500 px or more on each side and explains anything smaller', () => {
    expect(headshotSizeProblem({ width: 1600, height: 1600 })).toBeUndefined();
    expect(headshotSizeProblem({ width: 1500, height: 2000 })).toBeUndefined();
    expect(headshotSizeProblem({ width: 2000, height: 1200 })).toBe(
      'expected an image at least 1500 px on each side, so it prints well, got 2000 × 1200 px',
    );
  });
});

describe('headshotFileName and describeImageFile', () => {
  test('name the download after the person and describe the file', () => {
    expect(headshotFileName('Morwenna Hale', 1, 'jpeg')).toBe('morwenna-hale-headshot-1.jpg');
    expect(headshotFileName('Morwenna Hale', 1, 'jpeg', 'square-web')).toBe('morwenna-hale-headshot-1-square-web.jpg');
    expect(describeImageFile({ width: 1600, height: 1600, format: 'jpg' }, 56_210)).toBe('1600 × 1600 px, JPG, 56 KB');
    expect(describeImageFile({ width: 3000, height: 2000, format: 'png' }, 2_400_000)).toBe('3000 × 2000 px, PNG, 2.4 MB');
  });
});

describe('bookingEmailBody', () => {
  test('greets and leaves a line to fill in for each thing to include', () => {
    expect(bookingEmailBody('Ada Example', ['Event', 'Date'])).toBe(
      'Hello,\n\nWe would like to invite Ada Example to speak.\n\nEvent: \nDate: \n',
    );
  });
});
