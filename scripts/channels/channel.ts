/**
 * What a channel is: everything the hub knows about one place it publishes to, declared once in the
 * channel's own folder (`scripts/channels/<name>/index.ts`, whose default export is a `Channel`).
 * Adding a channel means one line in the registry's list (src/contract/networks.ts) and its folder; the
 * commands (syndicate, collect, status, `--resolve`) ask the channel, never switch on its name.
 */
import type { Network } from '../../src/contract/networks.ts';
import type { AdapterDeps, MissingCredentials, NetworkAdapter, RemotePost } from './adapter.ts';
import type { AnswerCapability, AnswerDefinition } from './answer.ts';
import type { HandleRule } from './handle.ts';
import type { ComposedPost, SyndicationItem } from './post.ts';
import type { ChannelTokens } from './tokens.ts';

type Env = Record<string, string | undefined>;

/** What collecting needs of a channel: its second verb. */
export type NetworkReader = Pick<NetworkAdapter, 'network' | 'readBack'>;

/** What `--resolve` and status need of a channel whose adapter may hold an item (`NeedsConfirmation`). */
export interface ConfirmedByHand {
  /** The adapter's `remoteFromUrl`, usable without credentials. */
  remoteFromUrl: (url: string) => RemotePost;
  /** Where the person looks: "your LinkedIn activity". */
  lookAt: string;
  /** Why the hub may not see for itself, said where the token was not asked (status). */
  why: string;
}

/** How long a post may be, as the channel's composer counts it (the server may say otherwise: Mastodon). */
export interface Limits {
  max: number;
  unit: ComposedPost['unit'];
}

/**
 * Items a channel sends together, in one post, rather than one by one: the newsletter's weekly digest.
 * `id` names the post (the provider-side marker it is found by, `digest-2026-W48`) and the row of a
 * dry run; each of its items gets the ledger entry, as if sent alone, pointing at the one post.
 */
export interface Batch {
  id: string;
  /** In publication order. */
  items: SyndicationItem[];
  /** False while the batch's period is still open: its items wait, each with a row saying for what. */
  due: boolean;
  /** What a waiting item's row says: "waiting for the digest of week 2026-W49". */
  waiting: string;
}

/** What the ledger says of a batching channel's items, for `BatchRule.group`. */
export interface BatchLedger {
  sent: Array<{ item: SyndicationItem; remoteId: string }>;
  inFlight: ReadonlySet<string>;
}

/** How a channel batches: which items, grouped how, composed how. The run asks; it never knows why. */
export interface BatchRule<B extends Batch = Batch> {
  /** Whether an item the channel accepts goes out in a batch instead of alone. Throws one line for a setting it cannot read. */
  takes: (item: SyndicationItem, env: Env) => boolean;
  /**
   * The batches to send now or wait for: `pending` are the items still to go (taken, not posted, not
   * held, not skipped); `ledger.sent` those a batch already carried (with the post's id), so a later
   * batch of the same period has an id of its own; `ledger.inFlight` the keys of pending items an
   * interrupted attempt may have sent, so an item new since then is not taken for sent with them.
   */
  group: (pending: SyndicationItem[], ledger: BatchLedger, env: Env, now: Date) => B[];
  /** The one post for a batch `group` made. */
  compose: (batch: B) => Promise<ComposedPost>;
}

/** What a channel's folder declares; `defineChannel` turns it into the `Channel` the commands use. */
export interface ChannelDefinition<Config extends object, Settings, B extends Batch = Batch> {
  name: Network;
  /** The environment variables holding its secrets: never printed, redacted from every message. */
  secretEnv: readonly string[];
  limits: Limits;
  /** Whether it uploads the share card itself; the others unfurl the link from the page. */
  uploadsThumbnail: boolean;
  /**
   * Its credentials from the environment, or the variables that are missing. Throws one line when a
   * variable is set but not usable as written (a LINKEDIN_VERSION that is not YYYYMM).
   */
  config: (env: Env) => Config | MissingCredentials;
  /** The adapter (publish and read back) for its credentials. */
  createAdapter: (config: Config, deps: AdapterDeps) => NetworkAdapter & { composeSettings?: () => Promise<Settings> };
  /** The reader, when it reads otherwise than with the credentials it posts with (Bluesky reads from an AppView, without any). */
  reader?: (env: Env, deps: AdapterDeps) => NetworkReader | MissingCredentials;
  /**
   * The post for an item; `settings` is what its adapter's `composeSettings` read from the account's
   * server. May be async (the newsletter renders with MJML 5, which is): the run awaits it.
   */
  compose: (item: SyndicationItem, settings?: Settings) => ComposedPost | Promise<ComposedPost>;
  /**
   * Whether the item is this channel's at all (the newsletter emails only NEWSLETTER_KINDS, and
   * NEWSLETTER_DIGEST_KINDS in its digest); absent, every item is. An item it does not accept gets
   * no row: it is neither skipped nor failed. Throws one line when its setting is not usable as written.
   */
  accepts?: ((item: SyndicationItem, env: Env) => boolean) | undefined;
  /** Set where some items it accepts go out together (the newsletter's digest): the run sends those after the others. */
  batch?: BatchRule<B> | undefined;
  /**
   * The dry run's preview: writes the composed post to files a person opens under `folder` and
   * returns their paths (the newsletter's email as HTML and text). Absent, the dry run prints the text.
   */
  preview?: ((post: ComposedPost, folder: string) => Promise<string[]>) | undefined;
  /** Set where a post whose answer was lost may be impossible for the hub to look for (LinkedIn), so a run holds it for the person. */
  confirmedByHand?: ConfirmedByHand | undefined;
  /** What status can tell about its credentials before a run fails on them (tokens.ts). */
  tokens?: ChannelTokens | undefined;
  /** How `./hub init` reads the person's handle here: every public channel declares one (an email list has no handle). */
  handle?: HandleRule | undefined;
  /** How the person answers a reply in its thread (`./hub run reply`); absent where there is nothing to answer (an email list). */
  answer?: AnswerDefinition<Config> | undefined;
}

/** A channel as the commands see it (one shape for every channel, whatever its configuration). */
export interface Channel {
  name: Network;
  secretEnv: readonly string[];
  limits: Limits;
  uploadsThumbnail: boolean;
  /** Its configuration, or what is missing; status only asks whether it is there. */
  config: (env: Env) => object | MissingCredentials;
  /** The adapter made from the environment, or the variables that are missing. */
  adapter: (env: Env, deps: AdapterDeps) => NetworkAdapter | MissingCredentials;
  /** What collecting reads with; for most channels their adapter. */
  reader: (env: Env, deps: AdapterDeps) => NetworkReader | MissingCredentials;
  /** `settings` as its adapter's `composeSettings` gave them, or none for the defaults. */
  compose: (item: SyndicationItem, settings?: unknown) => Promise<ComposedPost>;
  accepts: (item: SyndicationItem, env: Env) => boolean;
  batch?: BatchRule | undefined;
  preview?: ((post: ComposedPost, folder: string) => Promise<string[]>) | undefined;
  confirmedByHand?: ConfirmedByHand | undefined;
  tokens?: ChannelTokens | undefined;
  handle?: HandleRule | undefined;
  answer?: AnswerCapability | undefined;
}

/** The `Channel` for a channel's definition: the configuration's type stays inside the channel's folder. */
export function defineChannel<Config extends object, Settings = never, B extends Batch = Batch>(
  definition: ChannelDefinition<Config, Settings, B>,
): Channel {
  const adapter = (env: Env, deps: AdapterDeps): NetworkAdapter | MissingCredentials => {
    const config = definition.config(env);
    return 'missing' in config ? config : definition.createAdapter(config, deps);
  };
  return {
    name: definition.name,
    secretEnv: definition.secretEnv,
    limits: definition.limits,
    uploadsThumbnail: definition.uploadsThumbnail,
    config: definition.config,
    adapter,
    reader: definition.reader ?? adapter,
    // The settings come from this channel's own adapter (syndicate passes on what `composeSettings` gave).
    compose: async (item, settings) => definition.compose(item, settings as Settings | undefined),
    accepts: definition.accepts ?? (() => true),
    // The run hands `compose` only batches this rule's `group` made: the batch's own type stays in the channel's folder.
    ...(definition.batch ? { batch: definition.batch as unknown as BatchRule } : {}),
    ...(definition.preview ? { preview: definition.preview } : {}),
    ...(definition.confirmedByHand ? { confirmedByHand: definition.confirmedByHand } : {}),
    ...(definition.tokens ? { tokens: definition.tokens } : {}),
    ...(definition.handle ? { handle: definition.handle } : {}),
    ...(definition.answer ? { answer: answerCapability(definition.config, definition.answer, definition.limits) } : {}),
  };
}

/** The answering capability made from the channel's credentials, as `adapter` is. */
function answerCapability<Config extends object>(
  config: (env: Env) => Config | MissingCredentials,
  answer: AnswerDefinition<Config>,
  limits: Limits,
): AnswerCapability {
  return {
    length: answer.length,
    max: answer.max ?? limits.max,
    answerer: (env, deps) => {
      const found = config(env);
      return 'missing' in found ? found : answer.create(found, deps);
    },
  };
}
