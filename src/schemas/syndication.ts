import { z } from 'astro/zod';
import { NETWORKS, type Network } from '../contract/networks.ts';

const networkEnum = z.enum(NETWORKS, { error: `expected one of ${NETWORKS.join(', ')}` });

/**
 * Per-network syndication settings in an entry's front matter:
 *
 * ```yaml
 * syndication:
 *   skip: [x]                       # never post this piece to X
 *   text:
 *     bluesky: "A shorter hook for Bluesky"
 *   reviewed: true                  # checked against content/policy.yaml by a second person
 * ```
 *
 * The syndication scripts read these from `/feed.json` (`_syndication`), never from `content/`.
 */
export const syndicationField = z
  .strictObject(
    {
      /** Networks this piece must never be posted to. Default: none. */
      skip: z.array(networkEnum).default([]),
      /** Text to post instead of the composed excerpt, per network. Default: composed automatically. */
      text: z.partialRecord(networkEnum, z.string().trim().min(1)).default({}),
      /**
       * Set to `true` once someone has given this piece the second look that `content/policy.yaml`
       * asks for; until then a piece matching a listed word or topic is held back. Default: `false`.
       */
      reviewed: z.boolean({ error: 'expected true or false' }).default(false),
    },
    { error: 'expected syndication settings with `skip` (a list of networks), `text` (network: text) and/or `reviewed` (true or false)' },
  )
  .default({ skip: [], text: {}, reviewed: false });

export type SyndicationSettings = { skip: Network[]; text: Partial<Record<Network, string>>; reviewed: boolean };
