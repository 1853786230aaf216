import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CHANNEL_LIST, isPublicNetwork, NETWORKS } from '../../src/contract/networks.ts';
import { redact } from '../lib/secrets.ts';
import { channels, loadChannels, secretEnv } from './registry.ts';

const deps = { fetch: globalThis.fetch, timeoutMs: 1000, now: Date.now };

describe('the registry', () => {
  test('every channel in the list has a folder, and every folder is in the list', async () => {
    const folders = (await readdir(import.meta.dirname, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.toSorted()).toEqual([...NETWORKS].sort());
  });

  test('gives the channels in the list’s order, each with a label', async () => {
    expect([...(await channels()).keys()]).toEqual(NETWORKS);
    for (const entry of CHANNEL_LIST) expect(entry.label.trim(), entry.name).not.toBe('');
  });

  test('each channel declares what the commands need of it', async () => {
    for (const channel of (await channels()).values()) {
      const where = channel.name;
      expect(channel.secretEnv.length, where).toBeGreaterThan(0);
      for (const name of channel.secretEnv) expect(name, where).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(Number.isInteger(channel.limits.max) && channel.limits.max > 0, where).toBe(true);
      expect(['graphemes', 'weighted characters', 'characters', 'bytes'], where).toContain(channel.limits.unit);
      expect(typeof channel.uploadsThumbnail, where).toBe('boolean');
      // Without its environment a channel cannot post, and says which variables to set.
      const missing = channel.config({});
      expect('missing' in missing && missing.missing.length > 0, where).toBe(true);
      expect(channel.adapter({}, deps), where).toEqual(missing);
      if (channel.confirmedByHand) {
        expect(channel.confirmedByHand.lookAt, where).not.toBe('');
        expect(channel.confirmedByHand.why, where).not.toBe('');
      }
    }
  });

  test('every public channel declares how its handles are written, with examples its own rule reads; the others declare none', async () => {
    for (const channel of (await channels()).values()) {
      const rule = channel.handle;
      if (!isPublicNetwork(channel.name)) {
        expect(rule, channel.name).toBeUndefined();
        continue;
      }
      expect(rule, channel.name).toBeDefined();
      const handle = rule!.fromText(rule!.example.handle);
      expect(handle, channel.name).toBeDefined();
      expect(rule!.fromText(rule!.fromUrl(new URL(rule!.example.url))!), channel.name).toBe(handle);
      expect(rule!.url(handle!), channel.name).toBe(rule!.example.url);
    }
  });

  test('loading the channels makes their secret variables ones that redact hides', async () => {
    const names = await secretEnv();
    expect(names).toContain('WEBMENTION_IO_TOKEN');
    expect(names).toContain('GOATCOUNTER_API_TOKEN');
    for (const name of names) expect(redact(`token s3cr3t-${name}`, { [name]: `s3cr3t-${name}` }), name).toBe('token [redacted]');
  });
});

describe('loadChannels', () => {
  test('a listed channel without its folder fails with one line naming the file and the fix', async () => {
    const error = await loadChannels(['carrier-pigeon']).catch((caught: unknown) => caught as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'scripts/channels/carrier-pigeon/index.ts: not found, but src/contract/networks.ts lists "carrier-pigeon": add its folder, or remove it from the list',
    );
  });

  test('a folder whose default export is another channel fails with one line', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'hub-channels-'));
    try {
      await mkdir(join(folder, 'pigeon'));
      await writeFile(join(folder, 'pigeon', 'index.ts'), "export default { name: 'raven' };\n");
      await expect(loadChannels(['pigeon'], pathToFileURL(`${folder}/`))).rejects.toThrow(
        'scripts/channels/pigeon/index.ts: the default export must be the Channel named "pigeon" (defineChannel in channels/channel.ts), got "raven"',
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
