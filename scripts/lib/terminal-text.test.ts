import { describe, expect, test } from 'vitest';
import { terminalJson, terminalText } from './terminal-text.ts';

describe('terminalText (issue 14, item 3)', () => {
  test('strips ANSI CSI, OSC (BEL or ST ended), other escapes, C1 controls, bare CR and other C0; keeps \\n and \\t', () => {
    const hostile =
      'a\u001b[31mred\u001b[0m b\u001b]8;;https://evil.example\u0007link\u001b]8;;\u001b\\ c\rfake d\u009b2J e\u0000f\u0008g\u007f h\u001bc i\tj\nk\r\nl';
    const shown = terminalText(hostile);
    expect(shown).toBe('ared blink cfake d efg h i\tj\nk\nl');
    // eslint-disable-next-line no-control-regex -- asserts no control character is left
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  test('strips bidirectional overrides and isolates, which reorder what is shown', () => {
    expect(terminalText('ok \u202egnp.exe\u202c and \u2066x\u2069')).toBe('ok gnp.exe and x');
  });

  test('leaves JSON valid (control characters inside strings are already escaped by JSON.stringify)', () => {
    const json = JSON.stringify({ detail: 'x\u001b[2Jy\u0085z\rw' }, null, 2);
    expect(JSON.parse(terminalText(json))).toEqual({ detail: 'x\u001b[2Jyz\rw' });
  });

  test('terminalJson: valid JSON whose strings carry no control characters', () => {
    const json = terminalJson({ rows: [{ detail: 'x\u001b[2Jy\rz\u0007' }], n: 1 });
    expect(JSON.parse(json)).toEqual({ rows: [{ detail: 'xyz' }], n: 1 });
    expect(json).not.toContain('\\u001b');
  });
});
