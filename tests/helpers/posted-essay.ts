/**
 * What the read-back tests start from: one essay, posted by the real syndication run to every network
 * running locally (a PDS in-process with an AppView over it, and the fake servers), and its copies as
 * the ledger recorded them.
 */
import { readFile } from 'node:fs/promises';
import { NETWORKS, type Network } from '../../src/contract/networks.ts';
import type { RemotePost } from '../../scripts/channels/adapter.ts';
import { syndicate } from '../../scripts/syndicate/run.ts';
import { startFakeAppView, type FakeAppView } from './fake-appview.ts';
import {
  makeSyndicationFixture,
  SAMPLE_ESSAY,
  startLocalNetworks,
  startPds,
  type LocalNetworks,
  type Pds,
  type SyndicationFixture,
} from './syndication.ts';
import { ANSWER_TIMEOUT_MS } from './patience.ts';

export const POSTED_ITEM = 'essay/owning-the-wind';

export interface PostedEssay {
  pds: Pds;
  networks: LocalNetworks;
  appview: FakeAppView;
  fixture: SyndicationFixture;
  /** The essay's copy on each network. */
  copies: Record<Network, RemotePost>;
  close: () => Promise<void>;
}

export async function postEssayEverywhere(): Promise<PostedEssay> {
  const pds = await startPds();
  const networks = await startLocalNetworks(pds);
  const appview = await startFakeAppView({ pds: pds.url });
  appview.accounts.add(networks.bluesky.did);
  const fixture = await makeSyndicationFixture([SAMPLE_ESSAY]);
  const close = async (): Promise<void> => {
    await appview.close();
    await networks.close();
    await fixture.cleanup();
    await pds.close();
  };
  const result = await syndicate({
    cwd: fixture.root,
    env: networks.env,
    timeoutMs: ANSWER_TIMEOUT_MS,
    retry: { totalMs: 5000, baseDelayMs: 50 },
  });
  if (result.failed > 0) {
    await close();
    throw new Error(`posting the essay failed: ${JSON.stringify(result.rows.filter((row) => row.status === 'failed'))}`);
  }
  const ledger = JSON.parse(await readFile(fixture.ledgerFile, 'utf8'));
  const copies = Object.fromEntries(
    NETWORKS.map((network) => {
      const { remoteId, url } = ledger.items[POSTED_ITEM].networks[network];
      return [network, { remoteId, url }];
    }),
  ) as Record<Network, RemotePost>;
  return { pds, networks, appview, fixture, copies, close };
}
