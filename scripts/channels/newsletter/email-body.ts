/**
 * A piece's body (the feed's `content_html`, HTML the site rendered) made fit for an email: mail
 * clients run no script, load no relative address and size images by their attributes (Outlook
 * ignores CSS widths), so every address is made absolute against the piece's URL, every image gets a
 * width and height that fit the column, and what no client plays (scripts, frames, forms, video) is
 * left out or turned into a link to the web version. Styles are inlined later, by MJML.
 */
import { parseHTML } from 'linkedom';

/** Elements no mail client runs or shows, dropped with their content. */
const DROPPED = ['script', 'style', 'noscript', 'template', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea'];
/** Embedded media a mail client cannot play: each becomes a link to the web version. */
const ON_THE_WEB = ['iframe', 'video', 'audio', 'object', 'embed'];
/** Attributes for browsers only: responsive sources and lazy loading (mail clients take `src`). */
const BROWSER_ONLY = ['srcset', 'sizes', 'loading', 'decoding', 'fetchpriority'];

const SAFE_LINK = /^(https?|mailto):/i;
const SAFE_IMAGE = /^https?:/i;

function absolute(address: string, base: string): string | undefined {
  try {
    return new URL(address, base).href;
  } catch {
    return undefined;
  }
}

function dimension(value: string | null): number | undefined {
  const number = value === null ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * The body ready for the email's column: `pieceUrl` resolves relative addresses (`/images/a.png`,
 * `#fn-1`), `columnWidth` is the widest an image may be, in CSS pixels.
 */
export function emailSafeBody(html: string, pieceUrl: string, columnWidth: number): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const body = document.body;

  for (const element of body.querySelectorAll(DROPPED.join(','))) element.remove();
  for (const element of body.querySelectorAll(ON_THE_WEB.join(','))) {
    const paragraph = document.createElement('p');
    const link = document.createElement('a');
    link.setAttribute('href', pieceUrl);
    link.textContent = 'This part plays on the web: open the piece to see it.';
    paragraph.append(link);
    element.replaceWith(paragraph);
  }
  // <picture> offers sources a mail client never chooses between: its <img> stands alone.
  for (const picture of body.querySelectorAll('picture')) {
    const image = picture.querySelector('img');
    if (image) picture.replaceWith(image);
    else picture.remove();
  }

  for (const element of body.querySelectorAll('*')) {
    for (const { name } of [...element.attributes]) {
      if (/^on/i.test(name) || BROWSER_ONLY.includes(name.toLowerCase())) element.removeAttribute(name);
    }
  }

  for (const link of body.querySelectorAll('a[href]')) {
    const href = absolute(link.getAttribute('href')!, pieceUrl);
    if (href && SAFE_LINK.test(href)) link.setAttribute('href', href);
    else link.removeAttribute('href');
  }

  for (const image of body.querySelectorAll('img')) {
    const src = absolute(image.getAttribute('src') ?? '', pieceUrl);
    if (!src || !SAFE_IMAGE.test(src)) {
      image.remove();
      continue;
    }
    image.setAttribute('src', src);
    if (!image.hasAttribute('alt')) image.setAttribute('alt', '');
    const width = dimension(image.getAttribute('width'));
    const height = dimension(image.getAttribute('height'));
    const shown = Math.min(width ?? columnWidth, columnWidth);
    image.setAttribute('width', String(shown));
    // Without the image's own proportions the height is left to the client (height:auto below).
    if (width && height) image.setAttribute('height', String(Math.round((height * shown) / width)));
    else image.removeAttribute('height');
    image.setAttribute('border', '0');
  }

  return body.innerHTML;
}
