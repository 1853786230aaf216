/**
 * Answering a reply on Bluesky: an `app.bsky.feed.post` whose `reply` names the thread's root and the
 * post answered (each as a strong ref, URI and CID), with facets for links, tags and mentions, at a
 * deterministic record key, so a rerun asks the PDS for that record before writing it again and a
 * second write to the key is refused. https://docs.bsky.app/docs/advanced-guides/posts#replies
 *
 * The reply's record is read with `com.atproto.repo.getRecord` through the account's PDS, which
 * answers for its own repositories and asks the AppView for the others. Its own `reply.root` is the
 * thread's root (the piece's copy); a reply without one hangs straight under the copy.
 */
import { AppBskyRichtextFacet, AtUri, type AtpAgent } from '@atproto/api';
import type { AdapterDeps } from '../adapter.ts';
import type { Answerer } from '../answer.ts';
import {
  blueskyLogin,
  COLLECTION,
  createPostOnce,
  findOwnPost,
  mentionFacets,
  recordKey,
  translate,
  type BlueskyConfig,
} from './adapter.ts';
import { offlineFacets } from './compose.ts';

interface StrongRef {
  uri: string;
  cid: string;
}

export function createBlueskyAnswerer(config: BlueskyConfig, deps: AdapterDeps): Answerer {
  const appUrl = config.appUrl ?? 'https://bsky.app';
  const agent = blueskyLogin(config, deps);
  const getRecord = `${config.service.replace(/\/$/, '')}/xrpc/com.atproto.repo.getRecord`;

  /** The post's strong ref and the root its own record names. */
  const read = async (client: AtpAgent, uri: string): Promise<{ ref: StrongRef; root: StrongRef | undefined }> => {
    const at = new AtUri(uri);
    try {
      const { data } = await client.com.atproto.repo.getRecord({ repo: at.host, collection: at.collection, rkey: at.rkey });
      if (!data.cid) throw new Error(`${uri}: the network gave no CID for the reply`);
      const root = (data.value as { reply?: { root?: StrongRef } }).reply?.root;
      return { ref: { uri: data.uri, cid: data.cid }, root: root?.uri && root.cid ? { uri: root.uri, cid: root.cid } : undefined };
    } catch (error) {
      throw translate(error, 'GET', getRecord, deps.now());
    }
  };

  return {
    network: 'bluesky',
    keyFor: (answerKey, startedAt) => recordKey(answerKey, startedAt),
    async answer(target, text, { key, resume }) {
      const client = await agent();
      const where = { service: config.service, appUrl };
      if (resume) {
        const existing = await findOwnPost(client, key, where, deps);
        if (existing) return existing;
      }
      const parent = await read(client, target.reply.id);
      const root = parent.root ?? (await read(client, target.copy.remoteId)).ref;
      const facets = [...offlineFacets(text), ...(await mentionFacets(client, text))].sort(
        (a: AppBskyRichtextFacet.Main, b: AppBskyRichtextFacet.Main) => a.index.byteStart - b.index.byteStart,
      );
      const record = {
        $type: COLLECTION,
        text,
        ...(facets.length > 0 ? { facets } : {}),
        reply: { root, parent: parent.ref },
        createdAt: new Date(deps.now()).toISOString(),
      };
      return createPostOnce(client, key, record, where, deps);
    },
  };
}
