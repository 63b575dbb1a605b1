// The sanitising boundary's rules one by one; the property test (render-properties.test.ts)
// feeds random strings through every renderer that uses them.
import { describe, expect, it } from '@jest/globals';
import {
  MAX_FIELD_CHARS,
  capText,
  cleanLine,
  cleanText,
  htmlText,
  logText,
  preText,
} from '../../src/text/sanitise.js';

describe('the sanitising boundary', () => {
  it('removes C0/C1 controls, DEL and bidi overrides, keeping tabs and line feeds', () => {
    expect(cleanText('a\u0000b\u0007c\u001b]52;c;aGk=\u0007d\u007fe\u009bf\u202eg\th\ni')).toBe(
      'abc]52;c;aGk=defg\th\ni',
    );
  });

  it('turns every line ending a renderer may honour into one \\n', () => {
    expect(cleanText('a\r\nb\rc\u2028d\u2029e\u0085f')).toBe('a\nb\nc\nd\ne\nf');
    // A lone CR cannot return the cursor and overwrite the line with a fake verdict.
    expect(cleanLine('FAIL: refused\r✔ PASS')).toBe('FAIL: refused ✔ PASS');
  });

  it('cuts a field to its bound and says so, never inside a surrogate pair', () => {
    const long = 'x'.repeat(MAX_FIELD_CHARS + 10);
    expect(capText(long)).toBe(`${'x'.repeat(MAX_FIELD_CHARS)}… (10 more characters cut)`);
    expect(capText(`a${'😀'.repeat(3)}`, 2)).toBe('a… (6 more characters cut)');
    expect(cleanText(long).length).toBeLessThan(MAX_FIELD_CHARS + 40);
  });

  it('makes one line of any text, blanks around line breaks folded', () => {
    expect(cleanLine('a  \n\n  b\r\n\tc')).toBe('a b c');
    const blanks = ' '.repeat(100_000);
    expect(cleanLine(`a${blanks}\n${blanks}b`, Infinity)).toBe('a b');
  });

  it('breaks up workflow commands in log lines: `::` at a line start, `##[` anywhere', () => {
    expect(logText('::set-output name=x::y')).toBe(': :set-output name=x::y');
    expect(logText('ok\n   ::add-mask::z')).toBe('ok\n   : :add-mask::z');
    expect(logText('\u2003::stop-commands::t')).toBe('\u2003: :stop-commands::t');
    expect(logText('PASS x: ##[set-output name=access-token]evil')).toBe(
      'PASS x: # #[set-output name=access-token]evil',
    );
    expect(logText('###[x] ##[##[')).not.toContain('##[');
    expect(logText('a\r::error::b')).toBe('a\n: :error::b');
  });

  it('escapes HTML and leaves no line break in summary text', () => {
    expect(htmlText('<img src=x>\r\r# heading\n\n[a](b)')).toBe(
      '&lt;img src=x&gt; # heading [a](b)',
    );
    expect(htmlText('fix one\nfix two', { breaks: true })).toBe('fix one<br>fix two');
    expect(preText('S: a\n\nS: <b>')).toBe('S: a&#10;&#10;S: &lt;b&gt;');
  });
});
