/**
 * The email itself: the whole piece in an MJML template (tables and inline styles that mail clients
 * from Outlook to Gmail lay out the same), the person's photo and name, a link to the web version and
 * an invitation to reply; and its plain-text alternative. Every piece of text is escaped; the body is
 * HTML the site rendered, made email-safe first (email-body.ts). No script, no external stylesheet,
 * no web font: the only `<style>` blocks are MJML's own and the dark-mode colours below.
 */
import { convert } from 'html-to-text';
import mjml2html from 'mjml';
import { textToHtml } from '../../../src/lib/text.ts';
import type { FeedAuthor } from '../post.ts';
import { emailSafeBody } from './email-body.ts';
import { UNSUBSCRIBE_PLACEHOLDER } from './provider.ts';

/** The email's width (MJML's default, what every client expects) and the body column inside its padding. */
const EMAIL_WIDTH = 600;
const SIDE_PADDING = 24;
export const COLUMN_WIDTH = EMAIL_WIDTH - 2 * SIDE_PADDING;

/** Light colours, and the dark ones a client that honours `prefers-color-scheme` switches to (Apple Mail, Outlook for Mac). */
const LIGHT = { page: '#f4f1ea', card: '#ffffff', ink: '#1f1f1f', muted: '#5b5b5b', link: '#0b57d0', rule: '#e2ded5' };
const DARK = { page: '#121212', card: '#1e1e1e', ink: '#ececec', muted: '#b4b4b4', link: '#8ab4f8', rule: '#3a3a3a' };
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** What an email is made from: the piece as the feed gives it. */
export interface EmailSource {
  title: string;
  summary: string;
  /** The piece's address: the web version, and the base for its relative addresses. */
  url: string;
  datePublished: string;
  /** The piece's body as the site rendered it. */
  html: string;
  author?: FeedAuthor | undefined;
  /** BCP 47; default `en`. */
  language?: string | undefined;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Styles for the piece's own HTML, inlined into each element by MJML (juice): most clients drop `<style>`. */
const BODY_CSS = `
.essay p, .essay ul, .essay ol, .essay blockquote, .essay pre, .essay figure, .essay table { margin: 0 0 18px; }
.essay h2 { font-size: 22px; line-height: 1.3; margin: 28px 0 12px; }
.essay h3 { font-size: 19px; line-height: 1.3; margin: 24px 0 10px; }
.essay h4, .essay h5, .essay h6 { font-size: 17px; margin: 20px 0 8px; }
.essay a { color: ${LIGHT.link}; text-decoration: underline; }
.essay blockquote { border-left: 3px solid ${LIGHT.rule}; padding: 0 0 0 16px; font-style: italic; }
.essay pre { white-space: pre-wrap; word-break: break-word; font-family: Menlo, Consolas, monospace; font-size: 14px; line-height: 1.5; padding: 12px; border: 1px solid ${LIGHT.rule}; }
.essay code { font-family: Menlo, Consolas, monospace; font-size: 15px; }
.essay img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
.essay figure { margin-left: 0; margin-right: 0; }
.essay figcaption { font-size: 14px; color: ${LIGHT.muted}; margin-top: 6px; }
.essay hr { border: 0; border-top: 1px solid ${LIGHT.rule}; margin: 24px 0; }
.essay table { border-collapse: collapse; width: 100%; }
.essay th, .essay td { border: 1px solid ${LIGHT.rule}; padding: 6px 8px; text-align: left; }
.essay li { margin: 0 0 6px; }
.heading h1 { font-size: 28px; line-height: 1.25; margin: 0 0 8px; }
.heading p { margin: 0; color: ${LIGHT.muted}; font-size: 15px; }
.essay h2.entry { margin: 0 0 4px; }
.essay p.dated { margin: 0 0 10px; color: ${LIGHT.muted}; font-size: 15px; }
.small a { color: ${LIGHT.muted}; }
`;

/** Not inlined: a media query only works from `<style>`, and needs !important to beat the inline colours. */
const DARK_CSS = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  body, .page, .page > div { background-color: ${DARK.page} !important; }
  .card, .card > table, .card > table > tbody > tr > td { background-color: ${DARK.card} !important; }
  .ink div, .ink h1, .ink h2, .ink h3, .ink h4, .ink p, .ink li, .ink blockquote, .ink td, .ink th { color: ${DARK.ink} !important; }
  .ink a { color: ${DARK.link} !important; }
  .small div, .small a, .heading p, .ink p.dated, .ink figcaption { color: ${DARK.muted} !important; }
  .rule p { border-top-color: ${DARK.rule} !important; }
}
`;

function formatDate(iso: string, language: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
  }
}

function replyInvitation(name: string | undefined): string {
  return `Reply to this email to answer${name ? ` ${name}` : ''} directly: every reply is read.`;
}

/**
 * What every email shares whatever it carries (one piece, or a week's): the head with its styles, the
 * web link on top, the card holding `main`, the person's photo and name with the invitation to reply,
 * and the unsubscribe line.
 */
interface Frame {
  title: string;
  /** The preview line inbox lists show. */
  preview: string;
  /** The web version: the piece, or the site for a digest. */
  webUrl: string;
  /** What the link to it says: "Read it on the web" for a piece, "More on the site" for a digest. */
  webLabel: string;
  language: string;
  author?: FeedAuthor | undefined;
  /** MJML inside the card's column. */
  main: string;
}

function mjmlFrame(frame: Frame): string {
  const esc = textToHtml;
  const { author, language } = frame;
  const signature = author
    ? `
    <mj-section css-class="card" background-color="${LIGHT.card}" padding="8px 0 24px">
      <mj-group>
        <mj-column width="20%" vertical-align="middle">
          ${
            author.avatar && /^https?:\/\//i.test(author.avatar)
              ? `<mj-image src="${esc(author.avatar)}" alt="${esc(author.name)}" width="64px" height="64px" border-radius="32px" padding="0 0 0 ${SIDE_PADDING}px" align="left" />`
              : ''
          }
        </mj-column>
        <mj-column width="80%" vertical-align="middle">
          <mj-text css-class="ink" padding="0 ${SIDE_PADDING}px 0 12px">
            <p style="margin:0;font-weight:bold;">${esc(author.name)}</p>
            <p style="margin:4px 0 0;">${esc(replyInvitation(author.name))}</p>
          </mj-text>
        </mj-column>
      </mj-group>
    </mj-section>`
    : `
    <mj-section css-class="card" background-color="${LIGHT.card}" padding="8px 0 24px">
      <mj-column><mj-text css-class="ink"><p style="margin:0;">${esc(replyInvitation(undefined))}</p></mj-text></mj-column>
    </mj-section>`;
  return `<mjml lang="${esc(language)}">
  <mj-head>
    <mj-title>${esc(frame.title)}</mj-title>
    <mj-preview>${esc(frame.preview)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${esc(FONT)}" />
      <mj-text font-size="17px" line-height="1.6" color="${LIGHT.ink}" padding="0 ${SIDE_PADDING}px" />
      <mj-section padding="0" />
    </mj-attributes>
    <mj-raw>
      <meta name="color-scheme" content="light dark">
      <meta name="supported-color-schemes" content="light dark">
    </mj-raw>
    <mj-style inline="inline">${BODY_CSS}</mj-style>
    <mj-style>${DARK_CSS}</mj-style>
  </mj-head>
  <mj-body background-color="${LIGHT.page}" width="${EMAIL_WIDTH}px" css-class="page">
    <mj-section padding="16px 0 8px">
      <mj-column>
        <mj-text css-class="small" font-size="13px" color="${LIGHT.muted}" align="center">
          <a href="${esc(frame.webUrl)}">${esc(frame.webLabel)}</a>
        </mj-text>
      </mj-column>
    </mj-section>
    <mj-section css-class="card" background-color="${LIGHT.card}" padding="28px 0 8px">
      <mj-column>${frame.main}
        <mj-button href="${esc(frame.webUrl)}" background-color="${LIGHT.link}" color="#ffffff" font-size="16px" border-radius="6px" padding="8px ${SIDE_PADDING}px 16px">${esc(frame.webLabel)}</mj-button>
        <mj-divider css-class="rule" border-width="1px" border-color="${LIGHT.rule}" padding="8px ${SIDE_PADDING}px 16px" />
      </mj-column>
    </mj-section>
    ${signature}
    <mj-section padding="16px 0 24px">
      <mj-column>
        <mj-text css-class="small" font-size="13px" color="${LIGHT.muted}" align="center">
          You get this email because you subscribed${author ? ` to ${esc(author.name)}’s writing` : ''}.
          <a href="${UNSUBSCRIBE_PLACEHOLDER}">Unsubscribe</a>
        </mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

/** The link to a piece's web version, and to the site from a digest (which has no page of its own). */
const PIECE_WEB_LABEL = 'Read it on the web';
const DIGEST_WEB_LABEL = 'More on the site';

/** The heading every email opens its card with: the title, and the date line under it. */
function heading(title: string, dateLine: string): string {
  return `
        <mj-text css-class="ink heading" padding="0 ${SIDE_PADDING}px 20px">
          <h1>${textToHtml(title)}</h1>
          <p>${textToHtml(dateLine)}</p>
        </mj-text>`;
}

function mjmlDocument(source: EmailSource, body: string): string {
  const language = source.language ?? 'en';
  return mjmlFrame({
    title: source.title,
    preview: source.summary,
    webUrl: source.url,
    webLabel: PIECE_WEB_LABEL,
    language,
    author: source.author,
    main: `${heading(source.title, formatDate(source.datePublished, language))}
        <mj-text css-class="ink essay">${body}</mj-text>`,
  });
}

/** The plain-text part of any email: its parts in order, then the web link, the signature and the unsubscribe line. */
function plainFrame(parts: string[], web: { url: string; label: string }, author: FeedAuthor | undefined): string {
  return [
    ...parts,
    `${web.label}: ${web.url}`,
    [author ? `— ${author.name}` : undefined, replyInvitation(author?.name)].filter(Boolean).join('\n'),
    `Unsubscribe: ${UNSUBSCRIBE_PLACEHOLDER}`,
  ].join('\n\n');
}

/** HTML as plain text: links written out after their text, images left out, tables kept as tables. */
function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: 72,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

/** The plain-text part: the same piece, its links written out after their text. */
function plainText(source: EmailSource, body: string): string {
  const date = formatDate(source.datePublished, source.language ?? 'en');
  return plainFrame([source.title, date, htmlToText(body)], { url: source.url, label: PIECE_WEB_LABEL }, source.author);
}

/** MJML's options for every email. */
const MJML_OPTIONS = {
  validationLevel: 'strict',
  // No `fonts`: MJML would otherwise link Google Fonts stylesheets for fonts it knows.
  fonts: {},
  keepComments: false,
  // juice would write `height: auto` over an image's height attribute (height="auto"), which Outlook reads.
  juiceOptions: { applyHeightAttributes: false, applyWidthAttributes: false },
} as const;

/** Renders the email; MJML's validation is strict, so a template mistake fails here, not in someone's inbox. */
export async function renderEmail(source: EmailSource): Promise<RenderedEmail> {
  const body = emailSafeBody(source.html, source.url, COLUMN_WIDTH);
  const result = await mjml2html(mjmlDocument(source, body), MJML_OPTIONS);
  return { subject: source.title, html: result.html, text: plainText(source, body) };
}

/** One piece as a digest lists it. */
export interface DigestEntry {
  title: string;
  url: string;
  datePublished: string;
  /** The theory's stage, as the site shows it ("Working theory"). */
  stage?: string | undefined;
  /** The summary, or the piece's first paragraph where it has none: plain text. */
  summary: string;
}

/** What a digest email is made from: the week's pieces in publication order. */
export interface DigestSource {
  title: string;
  /** The line under the title: "23–29 November 2026". */
  dateLine: string;
  /** The site's home page: the digest's web version. */
  webUrl: string;
  entries: DigestEntry[];
  author?: FeedAuthor | undefined;
  language?: string | undefined;
}

/** Renders a week's digest with the single email's frame: each piece its title (linked), date, stage and summary. */
export async function renderDigest(source: DigestSource): Promise<RenderedEmail> {
  const esc = textToHtml;
  const language = source.language ?? 'en';
  const dated = (entry: DigestEntry): string => [formatDate(entry.datePublished, language), entry.stage].filter(Boolean).join(' · ');
  const list = source.entries
    .map(
      (
        entry,
        index,
      ) => `${index > 0 ? `\n        <mj-divider css-class="rule" border-width="1px" border-color="${LIGHT.rule}" padding="4px ${SIDE_PADDING}px 20px" />` : ''}
        <mj-text css-class="ink essay">
          <h2 class="entry"><a href="${esc(entry.url)}">${esc(entry.title)}</a></h2>
          <p class="dated">${esc(dated(entry))}</p>
          ${entry.summary ? `<p>${esc(entry.summary)}</p>` : ''}
          <p><a href="${esc(entry.url)}">${PIECE_WEB_LABEL}</a></p>
        </mj-text>`,
    )
    .join('');
  const result = await mjml2html(
    mjmlFrame({
      title: source.title,
      preview: source.entries.map((entry) => entry.title).join(' · '),
      webUrl: source.webUrl,
      webLabel: DIGEST_WEB_LABEL,
      language,
      author: source.author,
      main: `${heading(source.title, source.dateLine)}${list}`,
    }),
    MJML_OPTIONS,
  );
  const text = plainFrame(
    [
      source.title,
      source.dateLine,
      ...source.entries.map((entry) => [entry.title, dated(entry), entry.summary, entry.url].filter(Boolean).join('\n')),
    ],
    { url: source.webUrl, label: DIGEST_WEB_LABEL },
    source.author,
  );
  return { subject: source.title, html: result.html, text };
}
