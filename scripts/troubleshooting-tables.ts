// Regenerates docs/troubleshooting.md's tables from the catalogues: the AADSTS table from
// src/identity/aadsts-catalogue.ts and the mail-reply table from src/mailbox/exchange-replies.ts.
// `npx tsx scripts/troubleshooting-tables.ts --write` rewrites them in place (then run prettier);
// without --write it prints them. Tests keep the files equal to the catalogues.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EXCHANGE_REPLIES } from '../src/mailbox/exchange-replies.js';
import { aadstsMarkdownTable } from './aadsts-table.js';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

const CLASS_TEXT = {
  generic: 'generic: any failed login',
  specific: 'specific',
  transient: "Microsoft's side: warning, run again",
  protocol: 'protocol problem',
} as const;

const GENERIC_FIX =
  'The check lists the plausible causes, most likely first, each with its PowerShell check (`Get-CASMailbox`, `Get-ServicePrincipal`, `Get-MailboxPermission`, `Test-ServicePrincipalAuthorization`), and says which the token and the registration rule out.';

export function exchangeRepliesTable(): string {
  const rows = EXCHANGE_REPLIES.map((r) => {
    const fix = r.class === 'generic' ? GENERIC_FIX : r.fix('<mailbox>');
    return `| ${r.protocols.map((p) => p.toUpperCase()).join(', ')} | \`${cell(r.example)}\` | ${CLASS_TEXT[r.class]} | ${cell(r.meaning)} | ${cell(fix)} | [seen](${r.source}) |`;
  });
  return [
    '| Protocol | Reply | Kind | Meaning | What to do | Source |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces the table that follows `marker` (the first `|` line after it, to the last). */
export function replaceTableAfter(text: string, marker: string, table: string): string {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker not found: ${marker}`);
  const lines = text.slice(at).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  let last = first;
  while (last + 1 < lines.length && lines[last + 1]!.startsWith('|')) last++;
  lines.splice(first, last - first + 1, ...table.split('\n'));
  return text.slice(0, at) + lines.join('\n');
}

export const AADSTS_MARKER = '<!-- Generated from src/identity/aadsts-catalogue.ts';
export const REPLIES_MARKER = '<!-- Generated from src/mailbox/exchange-replies.ts';

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--write')) {
    const page = 'docs/troubleshooting.md';
    let doc = readFileSync(page, 'utf8');
    doc = replaceTableAfter(doc, AADSTS_MARKER, aadstsMarkdownTable());
    doc = replaceTableAfter(doc, REPLIES_MARKER, exchangeRepliesTable());
    writeFileSync(page, doc);
  } else {
    console.log(`${aadstsMarkdownTable()}\n\n${exchangeRepliesTable()}`);
  }
}
