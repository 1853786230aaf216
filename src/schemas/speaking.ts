import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { textField } from './fields.ts';

/** The smallest side of a headshot, in pixels, that prints well on a programme or a poster. */
export const HEADSHOT_MIN_PIXELS = 1500;

const email = z.email({ error: 'expected an email address' });

/**
 * `content/speaking.yaml`: what the speaking and press pages need besides talks and topics — the
 * headshots to download, AV and travel needs, and who to write to for bookings and press.
 */
export const speakingSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    /** Photos organisers and journalists may download, at full resolution. At least one. */
    headshots: z
      .array(
        z.strictObject({
          /** Image file relative to this YAML file, at least 1500 px on each side. The original is offered for download. */
          src: image(),
          /** What the photo shows, for people who cannot see it. */
          alt: textField('alt text describing the photo'),
          /** Photographer (or illustrator) to credit wherever the photo is used. */
          credit: textField('a photographer credit'),
          /** On what terms others may use it, for example "Free to use in coverage and event promotion". */
          usage: textField('the usage terms'),
        }),
        { error: 'expected a list of headshots, each with `src`, `alt`, `credit` and `usage`' },
      )
      .min(1, { error: 'expected at least one headshot' }),
    /** What the speaker needs on stage (microphone, screen, clicker…), one item per line. Default: none. */
    av: z.array(textField('an AV need'), { error: 'expected a list of AV needs' }).default([]),
    /** Travel and accommodation needs, one item per line. Default: none. */
    travel: z.array(textField('a travel need'), { error: 'expected a list of travel needs' }).default([]),
    /** How organisers book a talk. */
    booking: z.strictObject({
      /** Where booking requests go. */
      email,
      /** The email's subject line, so requests are easy to find. Default: "Speaking enquiry". */
      subject: textField('a subject line').default('Speaking enquiry'),
      /** What an enquiry should say (event, date, audience…): shown on the page and pre-filled in the email. Default: none. */
      include: z.array(textField('an item to include'), { error: 'expected a list of things to include' }).default([]),
    }),
    /** Who journalists contact. */
    mediaContact: z.strictObject({
      /** A person or a desk, for example "Priya Shah, Communications Lead". */
      name: textField('the media contact’s name'),
      /** Email address. */
      email,
      /** Telephone number in international form, for example "+44 117 496 0123". Optional. */
      phone: textField('a telephone number').optional(),
    }),
  });
