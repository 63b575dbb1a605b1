// docs/troubleshooting.md's tables are the catalogues: the AADSTS codes and the Exchange replies,
// row by row. Regenerate with `npx tsx scripts/troubleshooting-tables.ts --write` (then prettier).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { aadstsMarkdownTable } from '../../scripts/aadsts-table.js';
import { exchangeRepliesTable } from '../../scripts/troubleshooting-tables.js';

const page = readFileSync('docs/troubleshooting.md', 'utf8');

/** The table's body rows as trimmed cells, so prettier's padding does not matter. */
function rowsAfter(markdown: string, marker?: string): string[][] {
  const text = marker ? markdown.slice(markdown.indexOf(marker)) : markdown;
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (let i = first + 2; i < lines.length && lines[i]!.startsWith('|'); i++)
    rows.push(
      lines[i]!.slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
  return rows;
}

describe('docs/troubleshooting.md', () => {
  it('holds the AADSTS catalogue, row by row', () => {
    expect(rowsAfter(page, '<!-- Generated from src/identity/aadsts-catalogue.ts')).toEqual(
      rowsAfter(aadstsMarkdownTable()),
    );
  });

  it('holds the catalogue of Exchange replies, row by row', () => {
    expect(rowsAfter(page, '<!-- Generated from src/mailbox/exchange-replies.ts')).toEqual(
      rowsAfter(exchangeRepliesTable()),
    );
  });
});
