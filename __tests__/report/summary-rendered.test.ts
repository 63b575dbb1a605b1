// Every job-summary fixture as GitHub shows it: rendered by cmark-gfm (GitHub's Markdown
// renderer, with GitHub's extensions), checked in next to its Markdown as NAME.html, and checked
// here on the HTML itself: each table row has its header's number of cells (no server text broke
// a row), one red row per cause, the fix commands in a code block under the failing check (never
// in a table cell), and server text only ever as text (no element, link or image it chose).
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  SUMMARY_FIXTURES,
  cmarkGfmMissing,
  fragmentOf,
  htmlPage,
  renderGfm,
} from './summary-fixtures.js';

const missing = cmarkGfmMissing();
const NAMES = readdirSync(SUMMARY_FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -'.md'.length))
  .sort();

/**
 * The red rows each fixture must have: one per cause, by check title. A fixture added without an
 * entry here fails, so that someone says what its causes are.
 */
const RED_ROWS: Record<string, string[]> = {
  passing: [],
  'real-passing': [],
  // Two causes: a wrong password (the token), and SMTP.Send never added (read from Graph with the
  // app's own secret, which the password does not touch). The logins need the token: skipped.
  failing: ['Access token', 'Permissions'],
  // The secret's ID instead of its value: nothing else can be checked.
  'real-failing': ['Access token'],
  // AADSTS65001: the permissions row is the same cause, not red.
  'real-no-consent': ['Access token'],
  'real-hostile': ['Access token'],
  // Two logins, each refused by Exchange on its own (a refusal that does not name its cause, so
  // each is its own evidence); their commands are shown once.
  'fix-commands': ['Mailbox login (IMAP)', 'Mailbox login (SMTP)'],
};

/** Every element the summary may contain: what renderSummary writes, and cmark-gfm's code blocks. */
const OUR_ELEMENTS = new Set([
  'h2',
  'h3',
  'p',
  'strong',
  'em',
  'code',
  'pre',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'ul',
  'li',
]);

const read = (name: string, ext: 'md' | 'html') =>
  readFileSync(resolve(SUMMARY_FIXTURES, `${name}.${ext}`), 'utf8');

interface Table {
  header: number;
  /** Cells per body row, colspans counted. */
  rows: number[];
  /** [first cell, second cell] of each body row, as HTML. */
  cells: string[][];
}

function tables(html: string): Table[] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map(([, inner]) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(inner!)?.[1] ?? '';
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(inner!)?.[1] ?? '';
    const count = (row: string) =>
      [...row.matchAll(/<t[hd](?: colspan="(\d+)")?>/g)].reduce((n, m) => n + Number(m[1] ?? 1), 0);
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!);
    return {
      header: count(head),
      rows: rows.map(count),
      cells: rows.map((r) => [...r.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!)),
    };
  });
}

/** The code blocks cmark-gfm made, with the <details> they sit in (its summary line). */
function codeBlocks(html: string): { code: string; under: string; inCell: boolean }[] {
  return [...html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => {
    const before = html.slice(0, m.index);
    const details = before.lastIndexOf('<details');
    const closed = before.lastIndexOf('</details>');
    const summary = /<summary>([\s\S]*?)<\/summary>/.exec(before.slice(details))?.[1] ?? '';
    return {
      code: m[1]!,
      under: details > closed ? summary : '',
      inCell: before.lastIndexOf('<td') > before.lastIndexOf('</td>'),
    };
  });
}

if (missing)
  // Say why in the test output instead of a silent skip.
  describe('job summaries as GitHub renders them', () => it.skip(missing, () => undefined));

(missing ? describe.skip : describe)('job summaries as GitHub renders them (cmark-gfm)', () => {
  it('every fixture has its rendering checked in, as cmark-gfm makes it now', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(7);
    for (const name of NAMES) {
      const page = read(name, 'html');
      expect(`${name}: ${page}`).toBe(`${name}: ${htmlPage(name, renderGfm(read(name, 'md')))}`);
    }
  });

  it.each(NAMES)('%s: each row of each table has the header’s cells', (name) => {
    const html = fragmentOf(read(name, 'html'));
    const found = tables(html);
    // As many tables as the Markdown has: none was swallowed or split.
    expect(found.length).toBe(read(name, 'md').split('<table>').length - 1);
    expect(found.length).toBeGreaterThan(0);
    for (const [i, table] of found.entries()) {
      expect(table.header).toBeGreaterThan(0);
      expect(`table ${i}: ${table.rows.join(',')}`).toBe(
        `table ${i}: ${table.rows.map(() => table.header).join(',')}`,
      );
    }
  });

  it.each(NAMES)('%s: one red row per cause', (name) => {
    expect(Object.keys(RED_ROWS)).toContain(name);
    const [checks] = tables(fragmentOf(read(name, 'html')));
    const red = checks!.cells.filter((c) => c[1]!.startsWith('❌')).map((c) => c[0]);
    expect(red).toEqual(RED_ROWS[name]);
    // The verdict agrees: failed when anything is red.
    expect(fragmentOf(read(name, 'html')).startsWith(red.length ? '<h2>❌' : '<h2>✅')).toBe(true);
  });

  it.each(NAMES)(
    '%s: fix commands sit in a code block under the failing check, not in a cell',
    (name) => {
      const html = fragmentOf(read(name, 'html'));
      const [checks] = tables(html);
      const table = html.slice(0, html.indexOf('</table>'));
      for (const block of codeBlocks(html)) {
        expect(block.inCell).toBe(false);
        expect(block.under).toMatch(/^<strong>❌ /);
        // Not also in the table: each command line is shown once.
        for (const line of block.code.split('\n').filter(Boolean))
          expect(table).not.toContain(line);
      }
      // A row that sends the reader to its commands has them below (or the same ones as another).
      for (const [title, , , fix] of checks!.cells)
        if (fix?.includes('(commands in Details below)'))
          expect(
            codeBlocks(html).some((b) => b.under.startsWith(`<strong>❌ ${title}</strong>`)) ||
              html.includes(`<p>Fix: the same commands as under <strong>`),
          ).toBe(true);
      // A <pre> of details has no code element: server transcripts stay plain text.
      for (const pre of html.match(/<pre>(?!<code)[\s\S]*?<\/pre>/g) ?? [])
        expect(pre.slice('<pre>'.length, -'</pre>'.length)).not.toContain('<');
    },
  );

  it.each(NAMES)('%s: only the elements the action writes; no link or image', (name) => {
    const html = fragmentOf(read(name, 'html'));
    const tags = new Set([...html.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!));
    expect([...tags].filter((t) => !OUR_ELEMENTS.has(t))).toEqual([]);
  });

  it('hostile server text comes out as text', () => {
    const html = fragmentOf(read('real-hostile', 'html'));
    // What the tenant named its app and secret, escaped: no <script>, <img>, <b>, link, heading,
    // strikethrough or code span of its choosing.
    for (const text of [
      'Mail &lt;b&gt;connector&lt;/b&gt;',
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
      '[docs](https://evil.example/a) https://evil.example/b ![x](https://evil.example/x.png)',
      '**bold**',
      '~~struck~~',
      '::error title=pwned::injected',
      '##[set-output name=result]pass',
    ])
      expect(html).toContain(text);
    expect(html).not.toMatch(/<(script|img|a|b|h1|del|iframe)[\s>]/);
    expect(html).not.toContain('<code>code</code>');
    expect(html).not.toContain('<details open><summary>fake');
  });
});
