import { z } from 'astro/zod';
import type { SchemaContext } from 'astro:content';
import { NETWORKS } from '../contract/networks.ts';
import { wordCount } from '../lib/text.ts';
import { textField, urlField } from './fields.ts';

const bio = (name: string, min: number, max: number) =>
  textField(`the ${name} bio`).refine(
    (text) => {
      const words = wordCount(text);
      return words >= min && words <= max;
    },
    { error: `expected the ${name} bio to be between ${min} and ${max} words` },
  );

/**
 * `content/profile.yaml`: the one person the hub is about. Everything that shows the person (home page,
 * about page, h-card, JSON-LD Person, share cards, speaking page) reads it from here.
 */
export const profileSchema = ({ image }: SchemaContext) =>
  z.strictObject({
    /** Full name as it should appear in bylines and structured data. */
    name: textField('the person’s name'),
    /** Job title, for example "Chief Executive". */
    jobTitle: textField('a job title'),
    /** The organisation the person leads or works for. */
    organisation: z.strictObject({
      /** Organisation name. */
      name: textField('the organisation’s name'),
      /** Organisation website. Optional. */
      url: urlField.optional(),
    }),
    /** Where the person is based, for example "Leeds, United Kingdom". */
    location: textField('a location'),
    /**
     * The portrait: a photo of the person, not a logo. Path relative to `content/profile.yaml`.
     * Used on the home page, on share cards and as the headshot.
     */
    photo: z.strictObject({
      /** Image file, relative to this YAML file (for example `./images/portrait.jpg`). */
      src: image(),
      /** Alternative text describing the photo for people who cannot see it. Required. */
      alt: textField('alt text describing the photo'),
      /** Who took (or drew) the photo, credited wherever the photo is offered for download. */
      credit: textField('a photographer credit'),
    }),
    /** Bios in three lengths, written in the third person, ready for organisers to paste. */
    bio: z.strictObject({
      /** About 20 words (10–35): introductions, social profiles. */
      short: bio('short', 10, 35),
      /** About 50 words (35–80): programmes, author boxes. */
      medium: bio('medium', 35, 80),
      /** 120 words or more: the about page and speaker packs. Paragraphs separated by blank lines. */
      long: bio('long', 100, 600),
    }),
    /** One line that says what the person stands for; shown under the name. */
    valueStatement: textField('a one-line value statement'),
    /** Contact email, used for "write to me" links and booking requests. */
    email: z.email({ error: 'expected an email address' }),
    /** Links to the person's profiles elsewhere; each is rendered with `rel="me"` to verify identity. */
    links: z
      .array(
        z.strictObject({
          /** Label shown to readers, for example "Mastodon". */
          label: textField('a link label'),
          /** Profile URL. */
          url: urlField,
        }),
      )
      .default([]),
    /** The person's handle on each network the hub syndicates to, for example `bluesky: ada.example.com`. */
    handles: z.partialRecord(z.enum(NETWORKS), z.string().trim().min(1)).default({}),
  });
