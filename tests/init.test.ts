/**
 * `./hub init`, end to end in a copy of the sample hub: refused input changes nothing; good input
 * writes the person's hub, keeps the sample in examples/ (which the build ignores), builds without a
 * warning, and is not overwritten by a second run without --force.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { handleRules } from '../scripts/init/handles.ts';
import { askMissing, initQuestions } from '../scripts/init/questions.ts';
import { runBuild } from '../scripts/lib/site-builder.ts';
import { parsePolicy } from '../src/contract/policy.ts';
import { runCli, type ScriptRun } from './helpers/run-script.ts';
import { listFiles, makeSite, plainOutput, PROJECT_ROOT, readPage, useCleanBuildEnvironment } from './helpers/site.ts';

let root: string;
let photos: string;
let cleanup: () => Promise<void>;

/** `init` as CI runs it: stdin is not a terminal, so nothing is asked. */
function runInit(...args: string[]): Promise<ScriptRun> {
  return runCli('init', args, { cwd: root });
}

const ADA = {
  name: 'Ada Lovelace',
  title: 'Chief Executive',
  organisation: 'Analytical Engines Ltd',
  location: 'London, United Kingdom',
  url: 'https://ada.example.com/',
  email: 'ada@engines.example',
};

function flags(values: Record<string, string>): string[] {
  return Object.entries(values).flatMap(([key, value]) => [`--${key}`, value]);
}

/** Every file of the hub's content and examples with a hash of its bytes, and the hub's top-level names. */
async function snapshot(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const hash = async (path: string) =>
    createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  for (const folder of ['content', 'examples']) {
    const path = join(root, folder);
    if (!existsSync(path)) continue;
    if (!statSync(path).isDirectory()) {
      files[folder] = await hash(path);
      continue;
    }
    for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files[relative(root, join(entry.parentPath, entry.name))] = await hash(join(entry.parentPath, entry.name));
    }
  }
  files['(top level)'] = (await readdir(root))
    .filter((name) => name !== '.cache')
    .sort()
    .join(' ');
  return files;
}

/** No staging folder left behind by a run. */
async function stagingLeft(): Promise<string[]> {
  return existsSync(join(root, '.cache')) ? (await readdir(join(root, '.cache'))).filter((name) => name.startsWith('hub-init-')) : [];
}

beforeAll(async () => {
  useCleanBuildEnvironment();
  // `./hub check` validates the HTML with the project's html-validate settings.
  ({ root, cleanup } = await makeSite({ files: { '.htmlvalidate.json': await readFile(join(PROJECT_ROOT, '.htmlvalidate.json')) } }));
  photos = await mkdtemp(join(tmpdir(), 'hub-photos-'));
  // A phone photo: stored sideways with an EXIF orientation, and carrying EXIF a site must not publish.
  await sharp({ create: { width: 2000, height: 1600, channels: 3, background: '#6b8fb3' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Taken at 12 Home Street' } })
    .withMetadata({ orientation: 6 })
    .toFile(join(photos, 'portrait.jpg'));
  await sharp({ create: { width: 900, height: 700, channels: 4, background: { r: 200, g: 100, b: 50, alpha: 0.5 } } })
    .png()
    .toFile(join(photos, 'small.png'));
  await sharp({ create: { width: 300, height: 300, channels: 3, background: '#000000' } })
    .png()
    .toFile(join(photos, 'tiny.png'));
  await writeFile(join(photos, 'notes.jpg'), 'not a photo at all\n');
  await writeFile(join(photos, 'huge.jpg'), '');
  await truncate(join(photos, 'huge.jpg'), 16_000_000);
});

afterAll(async () => {
  await cleanup();
  await rm(photos, { recursive: true, force: true });
});

// Each case spawns the CLI; six in a row took over two minutes under a load of 28 on two cores. The
// timeout only catches a hang.
describe('./hub init, refusing bad input', { timeout: 360_000 }, () => {
  test('in a non-terminal, missing required flags are one usage error naming them, and nothing changes', async () => {
    const before = await snapshot();
    const result = await runInit('--name', 'Ada Lovelace');
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'init: missing --title, --organisation, --location, --url, --portrait, --email (in a terminal, init asks for them; elsewhere give them as flags; --help lists them)',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  test('a bad value is refused naming the flag, in the build’s own words', async () => {
    const before = await snapshot();
    const portrait = join(photos, 'portrait.jpg');
    const cases: Array<[Record<string, string>, string]> = [
      [{ email: 'ada-at-engines' }, 'init: --email: expected an email address'],
      [
        { url: 'https://ada.example.com/blog' },
        'init: --url: expected the address of the site at the root of a domain, like https://ada.example.com (without /blog)',
      ],
      [{ url: 'ftp://ada.example.com' }, 'init: --url: expected the site’s absolute URL, for example https://ada.example.com'],
      [
        { mastodon: 'ada' },
        'init: --mastodon: expected a Mastodon handle like @ada@mastodon.social (or https://mastodon.social/@ada), got "ada"',
      ],
      [{ email: 'morwenna@tidewater-energy.example' }, 'init: --email: expected your own email address, not the sample hub’s'],
    ];
    for (const [bad, message] of cases) {
      const result = await runInit(...flags({ ...ADA, portrait, ...bad }));
      expect(result.code, message).toBe(2);
      expect(result.stderr.trim()).toBe(message);
    }
    expect((await runInit('--nickname', 'Ada')).stderr).toMatch(/^init: Unknown option '--nickname'/);
    expect(await snapshot()).toEqual(before);
  });

  test('a bad portrait fails with one clear line naming the file and the fix, and leaves every file unchanged', async () => {
    const before = await snapshot();
    const cases: Array<[string, RegExp]> = [
      ['tiny.png', /^init: --portrait: .*tiny\.png: the photo is 300 × 300 px; expected at least 400 px on the short side/],
      [
        'notes.jpg',
        /^init: --portrait: .*notes\.jpg: not a photo this hub can read; expected a JPEG, PNG, WebP, AVIF, HEIF, TIFF or GIF image$/,
      ],
      ['huge.jpg', /^init: --portrait: .*huge\.jpg: the photo is 16\.0 MB; expected at most 15\.0 MB \(export it as a JPEG\)$/],
      ['missing.jpg', /^init: --portrait: .*missing\.jpg: no such file; give the path of a photo of you$/],
    ];
    for (const [file, message] of cases) {
      const result = await runInit(...flags({ ...ADA, portrait: join(photos, file) }));
      expect(result.code, file).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines, file).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    }
    expect(await snapshot()).toEqual(before);
    expect(await stagingLeft()).toEqual([]);
  });

  test('a failure while moving files into place undoes what was done: the sample is as it was', async () => {
    // `examples` taken by a file: the staged content is written, then the move of the sample fails.
    await writeFile(join(root, 'examples'), 'in the way\n');
    const before = await snapshot();
    const result = await runInit(...flags({ ...ADA, portrait: join(photos, 'portrait.jpg') }));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^init: could not put the new content\/ in place, so nothing was changed: /),
    ]);
    expect(await snapshot()).toEqual(before);
    expect(await stagingLeft()).toEqual([]);
    await rm(join(root, 'examples'));
  });
});

describe('./hub init, setting up a hub', () => {
  test('writes the profile, site, speaking settings and portrait from flags, keeps the sample in examples/, and says what to do next', async () => {
    const result = await runInit(
      ...flags({
        ...ADA,
        portrait: join(photos, 'portrait.jpg'),
        bluesky: 'https://bsky.app/profile/ada.bsky.social',
        mastodon: '@ada@mastodon.social',
        x: '@ada_l',
        linkedin: 'ada-lovelace',
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(
      "The previous content (the sample's pieces, talks, press, stances and profile) is in examples/content/; the build ignores it.",
    );
    expect(result.stdout).toMatch(
      /Next:\n {2}1\. Write: {3}\.\/hub new essay "Your first title".*\n {2}2\. Preview: \.\/hub dev.*\n {2}3\. Deploy: {2}push to GitHub — see README\.md, "Put it online"\n$/,
    );

    const profile = parseYaml(await readFile(join(root, 'content/profile.yaml'), 'utf8'));
    expect(profile).toMatchObject({
      name: 'Ada Lovelace',
      jobTitle: 'Chief Executive',
      organisation: { name: 'Analytical Engines Ltd' },
      location: 'London, United Kingdom',
      email: 'ada@engines.example',
      photo: { src: './images/portrait.jpg', alt: 'Portrait of Ada Lovelace' },
      handles: { bluesky: 'ada.bsky.social', mastodon: '@ada@mastodon.social', linkedin: 'ada-lovelace', x: 'ada_l' },
      links: [
        { label: 'Bluesky', url: 'https://bsky.app/profile/ada.bsky.social' },
        { label: 'Mastodon', url: 'https://mastodon.social/@ada' },
        { label: 'LinkedIn', url: 'https://www.linkedin.com/in/ada-lovelace' },
        { label: 'X', url: 'https://x.com/ada_l' },
      ],
    });
    expect(parseYaml(await readFile(join(root, 'content/site.yaml'), 'utf8'))).toMatchObject({
      url: 'https://ada.example.com',
      language: 'en-GB',
    });
    expect(parseYaml(await readFile(join(root, 'content/speaking.yaml'), 'utf8'))).toMatchObject({
      headshots: [{ src: './images/portrait.jpg' }],
      booking: { email: 'ada@engines.example' },
      mediaContact: { name: 'Ada Lovelace', email: 'ada@engines.example' },
    });
    expect(parsePolicy(await readFile(join(root, 'content/policy.yaml'), 'utf8'))).toEqual({ review: [] });

    // The portrait: upright, a JPEG, and nothing of the original's EXIF left.
    const portrait = await sharp(join(root, 'content/images/portrait.jpg')).metadata();
    expect(portrait).toMatchObject({ format: 'jpeg', width: 1600, height: 2000 });
    expect(portrait.exif).toBeUndefined();
    expect(portrait.orientation).toBeUndefined();

    // Only the new hub's files in content/; the whole sample, untouched, in examples/content/.
    expect((await readdir(join(root, 'content'), { recursive: true })).sort()).toEqual([
      'images',
      'images/portrait.jpg',
      'policy.yaml',
      'profile.yaml',
      'site.yaml',
      'speaking.yaml',
    ]);
    expect(await readFile(join(root, 'examples/content/essays/owning-the-wind.md'), 'utf8')).toBe(
      await readFile(join(PROJECT_ROOT, 'tests/fixtures/hub/content/essays/owning-the-wind.md'), 'utf8'),
    );
    expect(await stagingLeft()).toEqual([]);
  });

  test('the new hub builds without a warning, about the new person, with nothing of the sample on it', async () => {
    const run = await runBuild(root);
    const output = plainOutput(run.output);
    expect(run.exitCode, output).toBe(0);
    expect(output).not.toMatch(/\[WARN\]/);
    const dist = join(root, 'dist');
    const about = await readPage(dist, '/about/');
    expect(about.document.querySelector('h1')?.textContent).toContain('Ada Lovelace');
    // examples/ is not read: no page, feed or calendar mentions the sample's person, pieces or talks.
    for (const file of (await listFiles(dist)).filter((path) => /\.(html|json|xml|ics|txt)$/.test(path))) {
      const text = await readFile(join(dist, file), 'utf8');
      expect(text, file).not.toMatch(/Morwenna|Tidewater|owning-the-wind|Being Bold for Change/);
    }
    // And what was built passes `./hub check` (links, HTML, CSP, share cards).
    const check = await runCli('check', ['--no-build'], { cwd: root });
    expect(check.code, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).toMatch(/ready to publish/);
  });

  test('refuses to run again over the hub it set up, naming who it is about, and changes nothing', async () => {
    const before = await snapshot();
    const result = await runInit(...flags({ ...ADA, name: 'Grace Hopper', portrait: join(photos, 'portrait.jpg') }));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "init: this hub is already someone's: content/profile.yaml is about Ada Lovelace <ada@engines.example>, not the sample’s Morwenna Hale. " +
        'Nothing was changed; run again with --force to set it up anew (its content/ is moved to examples/, not deleted)',
    );
    expect(await snapshot()).toEqual(before);
  });

  test('with --force it sets up anew, keeping the previous content beside the sample; a small portrait is not offered for print', async () => {
    const result = await runInit(
      '--force',
      ...flags({
        ...ADA,
        name: 'Grace Hopper',
        email: 'grace@navy.example',
        portrait: join(photos, 'small.png'),
        'portrait-credit': 'US Navy',
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    const moved = /is in (examples\/content-[\dT-]+)\/;/.exec(result.stdout)?.[1];
    expect(moved, result.stdout).toBeDefined();
    expect(parseYaml(await readFile(join(root, moved!, 'profile.yaml'), 'utf8'))).toMatchObject({ name: 'Ada Lovelace' });
    expect(existsSync(join(root, 'examples/content/essays/owning-the-wind.md'))).toBe(true);
    expect(parseYaml(await readFile(join(root, 'content/profile.yaml'), 'utf8'))).toMatchObject({
      name: 'Grace Hopper',
      photo: { credit: 'US Navy' },
      handles: {},
      links: [],
    });
    // 900 × 700 is enough for the site, not for a print headshot: no speaking.yaml, and it says so.
    expect(existsSync(join(root, 'content/speaking.yaml'))).toBe(false);
    expect(result.stdout).toContain('The portrait is under 1500 px on its short side, so no print headshot is offered yet');
    expect(await sharp(join(root, 'content/images/portrait.jpg')).metadata()).toMatchObject({
      format: 'jpeg',
      width: 900,
      height: 700,
      hasAlpha: false,
    });
    // And that hub builds too: the speaking page does without speaking.yaml.
    const run = await runBuild(root);
    expect(run.exitCode, plainOutput(run.output)).toBe(0);
    expect(plainOutput(run.output)).not.toMatch(/\[WARN\]/);
    expect((await readPage(join(root, 'dist'), '/speaking/')).html).toContain('Grace Hopper');
  });
});

describe('init’s questions in a terminal', () => {
  test('asks only what the flags left out, asks again after a wrong answer, and lets optional ones be skipped', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let transcript = '';
    const answers = [
      'Lin Ostrom', // name
      'Professor', // title
      'Indiana University', // organisation
      '', // organisation's website: skipped
      'Bloomington, United States', // location
      'https://ostrom.example/', // url
      // portrait is given as a flag
      '', // credit: skipped
      'not-an-email', // email, wrong
      'lin@ostrom.example', // email, again
      'lin.bsky.social', // bluesky
      '',
      '',
      '',
      '', // mastodon, linkedin, x, threads: skipped
    ];
    output.on('data', (chunk: Buffer) => {
      transcript += chunk.toString();
      // Each answer is typed once its question shows, as a person would.
      if (/: $/.test(transcript) && answers.length > 0) input.write(`${answers.shift()}\n`);
    });
    const rl = createInterface({ input, output, terminal: false });
    const result = await askMissing(initQuestions(await handleRules()), { portrait: '/photos/lin.jpg' }, { rl, output });
    rl.close();
    expect(result).toEqual({
      name: 'Lin Ostrom',
      title: 'Professor',
      organisation: 'Indiana University',
      location: 'Bloomington, United States',
      url: 'https://ostrom.example',
      portrait: '/photos/lin.jpg',
      email: 'lin@ostrom.example',
      bluesky: 'lin.bsky.social',
    });
    expect(transcript).toContain('Your email address: ');
    expect(transcript).toContain('  expected an email address\nYour email address: ');
    expect(transcript).not.toContain('Path to a photo of you');
  });
});
