/**
 * A real Bluesky PDS (@atproto/dev-env) in a process of its own, for the crash test: it prints its
 * URL as one JSON line and closes when its stdin ends. Kept apart from the Vitest worker, a PDS
 * failure is reported as such instead of taking the test run down (see pin-sqlite.ts).
 */
import { TestNetworkNoAppView } from '@atproto/dev-env';
import { pinSqliteObjects } from './pin-sqlite.ts';

pinSqliteObjects();
const network = await TestNetworkNoAppView.create({});
process.stdout.write(`${JSON.stringify({ url: network.pds.url })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await network.close();
  process.exit(0);
});
