// Prints the AADSTS table of docs/troubleshooting.md (its one copy) from the AADSTS catalogue:
// `npx tsx scripts/aadsts-table.ts`. __tests__/identity/troubleshooting-aadsts.test.ts checks
// that the page holds exactly this table, so the two cannot drift apart.
import { pathToFileURL } from 'node:url';
import { AADSTS_CATALOGUE } from '../src/identity/aadsts-catalogue.js';

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function aadstsMarkdownTable(): string {
  // Every entry once (an entry may cover several codes), certificate and federation codes included.
  const rows = [...new Set(AADSTS_CATALOGUE.values())]
    .sort((a, b) => a.codes[0]! - b.codes[0]!)
    .map(
      (e) =>
        `| ${e.codes.map((c) => `AADSTS${c}`).join(' / ')} | ${e.errors.map((x) => `\`${x}\``).join(', ')} | ${cell(e.cause)} | ${cell(e.step)} | ${cell(e.fix)} |`,
    );
  return [
    '| Code | OAuth `error` | Cause | Setup step | Fix |',
    '|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  console.log(aadstsMarkdownTable());
