/**
 * The newsletter channel: each new essay (NEWSLETTER_KINDS for notes and theories too) emailed whole
 * to the subscribers through a newsletter provider, Buttondown by default. Declared as a plain object
 * for the channel registry (scripts/channels/registry.ts), which wires it in beside the networks.
 *
 * Provider: provider.ts says what one must do; buttondown.ts is the one written (its comment holds the
 * API contract followed, with the documentation's addresses).
 */
import type { SyndicationItem } from '../../syndicate/compose/post.ts';
import type { AdapterDeps, MissingCredentials, NetworkAdapter } from '../../syndicate/networks/adapter.ts';
import { createNewsletterAdapter } from './adapter.ts';
import { createButtondown } from './buttondown.ts';
import { composeNewsletter, GMAIL_CLIP_BYTES } from './compose.ts';
import { previewNewsletter, writeEmailPreview } from './preview.ts';
import { emailsKind, NEWSLETTER, newsletterConfig, newsletterKinds, SECRET_ENV, SETTINGS_ENV, type NewsletterConfig } from './settings.ts';

function adapterFromEnv(env: Record<string, string | undefined>, deps: AdapterDeps): NetworkAdapter | MissingCredentials {
  const config = newsletterConfig(env);
  if ('missing' in config) return config;
  return createNewsletterAdapter(createButtondown(config, deps), { apiKey: config.apiKey });
}

const newsletter = {
  name: NEWSLETTER,
  label: 'Newsletter',
  /** Variables that hold secrets (never printed; redacted from every message). */
  secretEnv: SECRET_ENV,
  /** Variables that are settings, not secrets. */
  settingsEnv: SETTINGS_ENV,
  config: newsletterConfig,
  /** What the dry run compares the length with: the HTML's bytes, against Gmail's clipping size. */
  limits: { bytes: GMAIL_CLIP_BYTES },
  /** The email links its images from the site: nothing is uploaded. */
  uploadsThumbnail: false,
  /**
   * Whether a piece goes out by email: only the kinds in NEWSLETTER_KINDS (essays by default). A
   * piece of another kind is not the newsletter's, neither skipped nor failed. Throws one line for an
   * unknown kind in NEWSLETTER_KINDS.
   */
  accepts: (item: Pick<SyndicationItem, 'kind'>, env: Record<string, string | undefined>): boolean =>
    emailsKind(newsletterKinds(env), item),
  /** Async (MJML renders asynchronously): the run awaits it. */
  compose: composeNewsletter,
  createAdapter: adapterFromEnv,
  /** Reading back uses the same key as sending. */
  createReader: adapterFromEnv,
  /** The dry run: the email written to files a person opens (`.cache/newsletter/<kind>-<slug>.html` and `.txt`). */
  preview: previewNewsletter,
  writePreview: writeEmailPreview,
};

export type { NewsletterConfig };
export default newsletter;
