/**
 * The lifecycle the syndication test files share: one PDS for the file, and for each test fresh local
 * networks and a fresh project folder (closed and removed after it), with `run` calling `syndicate()`
 * on them. Each file gives its own time limits, which its fault injections are tuned to.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { syndicate, type SyndicateOptions } from '../../scripts/syndicate/run.ts';
import {
  makeSyndicationFixture,
  startLocalNetworks,
  startPds,
  type FixtureItem,
  type LocalNetworks,
  type Pds,
  type SyndicationFixture,
} from './syndication.ts';

export interface LocalSyndication {
  readonly pds: Pds;
  /** This test's networks (after `setUp`). */
  readonly networks: LocalNetworks;
  /** This test's project folder (after `setUp`). */
  readonly fixture: SyndicationFixture;
  /** Fresh networks and a project folder with these items in its feed (and `content/policy.yaml`, if given). */
  setUp(items: FixtureItem[], policy?: string): Promise<void>;
  run(options?: Partial<SyndicateOptions>): ReturnType<typeof syndicate>;
}

/** Registers the hooks; call at the top of a test file. */
export function useLocalSyndication(runDefaults: Pick<SyndicateOptions, 'timeoutMs' | 'retry'>): LocalSyndication {
  let pds: Pds | undefined;
  let networks: LocalNetworks | undefined;
  let fixture: SyndicationFixture | undefined;

  beforeAll(async () => {
    pds = await startPds();
  });
  afterAll(async () => {
    await pds?.close();
  });
  afterEach(async () => {
    await networks?.close();
    await fixture?.cleanup();
    networks = undefined;
    fixture = undefined;
  });

  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useLocalSyndication: no ${name} yet; call setUp() first in the test`);
    return value;
  };

  return {
    get pds() {
      return ready(pds, 'PDS');
    },
    get networks() {
      return ready(networks, 'networks');
    },
    get fixture() {
      return ready(fixture, 'fixture');
    },
    async setUp(items, policy) {
      networks = await startLocalNetworks(ready(pds, 'PDS'));
      fixture = await makeSyndicationFixture(items, policy === undefined ? {} : { policy });
    },
    run(options = {}) {
      const { root } = ready(fixture, 'fixture');
      return syndicate({ cwd: root, env: ready(networks, 'networks').env, ...runDefaults, ...options });
    },
  };
}
