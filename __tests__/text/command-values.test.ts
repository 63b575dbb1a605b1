// Values in printed commands stay literals: PowerShell single quotes (with its typographic quote
// characters), POSIX shell single quotes, and ids from Graph checked for the characters ids have.
import { describe, expect, it } from '@jest/globals';
import {
  graphId,
  psLiteral,
  psWord,
  shLiteral,
  shWord,
  UNEXPECTED_ID,
} from '../../src/text/command-values.js';

describe('command values', () => {
  it('PowerShell: single-quoted, every quote character doubled, nothing left to expand', () => {
    expect(psLiteral('x"; $(Remove-Item -Recurse ~); "')).toBe(
      `'x"; $(Remove-Item -Recurse ~); "'`,
    );
    expect(psLiteral("O’Brien's app")).toBe(`'O’’Brien''s app'`);
    expect(psLiteral('a\u2018b\u201ac\u201bd')).toBe(`'a\u2018\u2018b\u201a\u201ac\u201b\u201bd'`);
    // A line break would end the command; control characters would rewrite the terminal.
    expect(psLiteral('one\r\ntwo\u001b[2Kthree')).toBe(`'one two[2Kthree'`);
  });

  it('PowerShell words: plain addresses as they are, anything else quoted', () => {
    expect(psWord('alice@contoso.example')).toBe('alice@contoso.example');
    expect(psWord("o'brien@contoso.example")).toBe(`'o''brien@contoso.example'`);
    expect(psWord('-Confirm:$false')).toBe(`'-Confirm:$false'`);
    expect(psWord('$(calc)@x.example')).toBe(`'$(calc)@x.example'`);
    expect(psWord('<mailbox>')).toBe('<mailbox>');
    expect(psWord('<mailbox>; calc')).toBe(`'<mailbox>; calc'`);
  });

  it('shell: single-quoted with each quote closed and reopened', () => {
    expect(shLiteral("a'; rm -rf ~; '")).toBe(`'a'\\''; rm -rf ~; '\\'''`);
    expect(shWord('https://graph.microsoft.com/v1.0/servicePrincipals/abc')).toBe(
      'https://graph.microsoft.com/v1.0/servicePrincipals/abc',
    );
    expect(shWord('x y')).toBe(`'x y'`);
    // Long values are never cut inside a command.
    const long = 'a'.repeat(10_000);
    expect(shLiteral(long)).toBe(`'${long}'`);
  });

  it('ids: GUIDs and base64url grant ids pass, anything else is a placeholder', () => {
    expect(graphId('b1d2c3b4-0000-4000-8000-00000000b001')).toBe(
      'b1d2c3b4-0000-4000-8000-00000000b001',
    );
    expect(graphId('Xy_z-0AbC9')).toBe('Xy_z-0AbC9');
    expect(graphId("a'; rm -rf ~; '")).toBe(UNEXPECTED_ID);
    expect(graphId('a/../b')).toBe(UNEXPECTED_ID);
    expect(graphId('')).toBe(UNEXPECTED_ID);
  });
});
