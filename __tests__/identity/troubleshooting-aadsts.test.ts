// The troubleshooting page's AADSTS table (docs/troubleshooting.md, the one copy) is the AADSTS
// catalogue: same codes, same words. Regenerate it with `npx tsx scripts/aadsts-table.ts` after
// changing the catalogue.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { aadstsMarkdownTable } from '../../scripts/aadsts-table.js';
import { AADSTS_CATALOGUE } from '../../src/identity/aadsts-catalogue.js';

const page = readFileSync('docs/troubleshooting.md', 'utf8');
const section =
  /<!-- Generated from src\/identity\/aadsts-catalogue\.ts[^\n]*-->([\s\S]*?)\n## /.exec(page)![1]!;

/** Table rows as trimmed cells, so prettier's column padding does not matter. */
const rows = (markdown: string) =>
  markdown
    .split('\n')
    .filter((line) => /^\|.*AADSTS\d+/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );

describe('docs/troubleshooting.md, the AADSTS table', () => {
  it('lists every catalogued code', () => {
    const listed = new Set(section.match(/AADSTS\d+/g)!.map((c) => Number(c.slice(6))));
    expect([...AADSTS_CATALOGUE.keys()].filter((code) => !listed.has(code))).toEqual([]);
  });

  it('says what the catalogue says, row by row', () => {
    expect(rows(section)).toEqual(rows(aadstsMarkdownTable()));
  });
});
