/**
 * Text a remote party wrote (a server's error message, a post's text, a reply) is data, not terminal
 * commands: an ANSI or OSC escape sequence could recolour, hide or rewrite what the person sees
 * (an OSC 8 link, a cleared screen), and a bare carriage return can overwrite a line. Everything
 * printed goes through `terminalText` at the print boundary (scripts/lib/cli.ts).
 */

/** ESC- or C1-introduced sequences: CSI (ESC [ or 0x9B … final byte), OSC/DCS/SOS/PM/APC strings (… BEL or ST), two-byte escapes. */
const SEQUENCES =
  // eslint-disable-next-line no-control-regex -- escape sequences are what this strips
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]PX^_]|[\u009d\u0090\u0098\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
/**
 * What is left: C0 controls except \t and \n (a CR of a CRLF is dropped too: lines end in \n), DEL
 * and C1; and the bidirectional embeddings, overrides and isolates, which reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this strips
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every terminal control sequence and control character removed, \n and \t kept. */
export function terminalText(text: string): string {
  return text.replace(SEQUENCES, '').replace(CONTROLS, '');
}

/** JSON for stdout: every string value passed through `terminalText`, so a consumer's terminal sees none either. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) => (typeof field === 'string' ? terminalText(field) : field), 2);
}

/**
 * A remote party's text on one line: a line break in a server's message would otherwise start a
 * line of our output with the server's words (on GitHub Actions, a `::command::` the runner obeys).
 */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u0085\u2028\u2029]+\s*/g, ' ');
}
