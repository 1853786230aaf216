/**
 * Bytes to text in the charset the server or the document declares: the Content-Type header first,
 * then the document's own declaration (`<meta charset>`, `<meta http-equiv content="…; charset=">`,
 * `<?xml encoding=…?>`) in its first kilobytes, else UTF-8. TextDecoder knows the WHATWG labels, so
 * a page declared `iso-8859-1` is read as windows-1252, as browsers do.
 */
import { parseHTML } from 'linkedom';

const DECLARATION = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i;

export function declaredCharset(contentType: string | undefined, body: Uint8Array): string | undefined {
  const header = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (header) return header;
  // The head is ASCII whatever the charset: read it as latin1 to find the declaration.
  const head = new TextDecoder('latin1').decode(body.subarray(0, 4096));
  const match = DECLARATION.exec(head);
  return match?.[1] ?? match?.[2];
}

export function decodeBody(contentType: string | undefined, body: Uint8Array): string {
  const label = declaredCharset(contentType, body);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8'); // An unknown label: UTF-8, as browsers fall back.
  }
  return decoder.decode(body);
}

/** The text of an HTML fragment (a feed's summary), markup and entities resolved, spaces collapsed. */
export function htmlText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
