/**
 * The browser the end-to-end tests drive: Debian's Chromium (or CHROMIUM_PATH), never one Playwright
 * downloads, because tests run without network access. A missing browser is a failure that says how to
 * install it, not a skipped test.
 */
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * Flags for a sandboxed CI machine: no sandbox (root in a container), no GPU, and nothing that phones
 * home (component updates, sync, background networking), since there is no network.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

/** Throws a message naming the path tried and how to get a browser there, unless it is executable. */
export function assertChromium(path: string = chromiumPath()): void {
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `The end-to-end tests need Chromium, and there is no executable at ${path}. ` +
        "Install Debian's package with `apt-get install -y chromium` (with sudo if you are not root), " +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  assertChromium(executablePath);
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS.filter((flag) => flag !== '--headless'), ...options });
}
