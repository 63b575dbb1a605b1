// Property test of the sanitising boundary (issue 11): random strings — built from `::`, `##[`,
// `%`, CR, LF, control and bidi characters, Markdown and HTML, and arbitrary code points — put
// in every field a server can fill, then rendered everywhere text is rendered: log line,
// annotation, job summary, check run, JSON report, CLI text. The invariants hold for each.
import { describe, expect, it } from '@jest/globals';
import { HtmlRenderer, Parser } from 'commonmark';
import fc from 'fast-check';
import * as core from '../../src/action/workflow-commands.js';
import { renderText } from '../../src/cli/render-text.js';
import type { CheckResult, Report } from '../../src/engine/types.js';
import { planAnnotations } from '../../src/report/annotations.js';
import { toReportJson } from '../../src/report/json-report.js';
import {
  CHECK_RUN_SUMMARY_MAX_BYTES,
  STEP_SUMMARY_MAX_BYTES,
  renderSummary,
} from '../../src/report/summary-html.js';
import { MAX_DETAILS_CHARS, MAX_FIELD_CHARS } from '../../src/text/sanitise.js';
import { CONTROL_CHARS, commandLines } from '../helpers/invariants.js';

const PIECES = [
  '::',
  '##[',
  '%',
  '%0A',
  '\r',
  '\n',
  '\r\r',
  '\n\n',
  '\r\n',
  ' ',
  '\t',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u001b]52;c;aGk=\u0007',
  '\u001b[2K',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u202e',
  '\u2066',
  '\ufeff',
  '::set-output name=access-token::',
  '##[set-output name=result]pass',
  '::stop-commands::x',
  '# ',
  '    ',
  '> ',
  '- ',
  '1. ',
  '---',
  '```',
  '`',
  '*',
  '_',
  '|',
  '[a](http://evil.example)',
  '![i](http://evil.example/i.png)',
  '<http://evil.example>',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '</td></tr></table>',
  '</pre>',
  '</details>',
  '<!--',
  '&#10;',
  '&lt;',
  'x',
  'é',
  '😀',
];

/** Strings a hostile server could send: pieces that mean something somewhere, and anything. */
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

/** Same presence and blankness as `s`, but harmless text: the renderers' own structure only. */
const neutral = (s: string) => (s.trim() ? 'x' : s);

function reportOf(t: (s: string) => string, s: string[]): Report {
  const at = (i: number) => t(s[i % s.length]!);
  const checks: CheckResult[] = [
    { id: 'inputs', title: 'Inputs', status: 'pass', summary: 'all inputs are valid' },
    {
      id: 'token',
      title: 'Access token',
      status: 'fail',
      summary: at(0),
      details: at(1),
      code: at(2),
      remediation: 'Raise `timeout-seconds`.\nThen run again.',
    },
    {
      id: 'secret-expiry',
      title: 'Client secret expiry',
      status: 'warn',
      summary: at(3),
      tables: [{ caption: 'Secrets', headers: ['App', 'Secret'], rows: [[at(4), at(5)]] }],
      annotations: [{ level: 'warning', title: at(6), message: at(7) }],
    },
    {
      id: 'mailbox-imap',
      title: 'Mailbox login (IMAP)',
      status: 'fail',
      summary: at(8),
      details: at(9),
      code: at(10),
    },
  ];
  return {
    version: 1,
    result: 'fail',
    tenantId: 'contoso.example',
    clientId: '3b8e6f0a-2c4d-4e9b-9a1f-6d7c5b4a3e21',
    grant: 'password',
    checks,
    token: null,
    secrets: [
      {
        keyId: at(11),
        displayName: at(12),
        hint: at(13),
        endDateTime: '2026-12-06T00:00:00Z',
        daysLeft: 6,
        inUse: true,
        app: at(14),
      },
    ],
  };
}

function elements(markdown: string): { tags: string[]; blocks: string[] } {
  const tree = new Parser().parse(markdown);
  const blocks: string[] = [];
  for (let node = tree.firstChild; node; node = node.next) blocks.push(node.type);
  const html = new HtmlRenderer().render(tree);
  const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[0].toLowerCase());
  return { tags: tags.sort(), blocks };
}

function stdoutOf(use: () => void): string {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = (chunk: string) => {
    chunks.push(String(chunk));
    return true;
  };
  try {
    use();
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}

const strings = fc.array(hostile, { minLength: 15, maxLength: 15 });
const RUNS = { numRuns: 300 };

describe('random server text through every renderer', () => {
  it('log line: no workflow command, no control character', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const out = stdoutOf(() => core.info(`PASS Client secret expiry: ${text}`));
        expect(commandLines(out)).toEqual([]);
        expect(out).not.toMatch(CONTROL_CHARS);
      }),
      RUNS,
    );
  });

  it('annotation: exactly one command line of its own kind, no ##[, no control character', () => {
    fc.assert(
      fc.property(hostile, hostile, (message, title) => {
        const out = stdoutOf(() => core.warning(message, { title }));
        expect(out.endsWith('\n')).toBe(true);
        const lines = out.slice(0, -1).split(/\r\n|\r|\n/);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^::warning( [^:]*)?::/);
        expect(out).not.toContain('##[');
        expect(out).not.toMatch(CONTROL_CHARS);
      }),
      RUNS,
    );
  });

  it('job summary and check run: CommonMark sees only HTML blocks and the renderer’s own elements', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const report = reportOf((x) => x, s);
        const plain = reportOf(neutral, s);
        for (const maxBytes of [STEP_SUMMARY_MAX_BYTES, CHECK_RUN_SUMMARY_MAX_BYTES]) {
          const overflow = planAnnotations(report, 1).overflow;
          const text = renderSummary(report, { maxBytes, overflow });
          const expected = renderSummary(plain, {
            maxBytes,
            overflow: planAnnotations(plain, 1).overflow,
          });
          expect(Buffer.byteLength(text)).toBeLessThanOrEqual(maxBytes);
          const got = elements(text);
          expect(got.blocks.every((type) => type === 'html_block')).toBe(true);
          expect(got).toEqual(elements(expected));
          expect(text).not.toMatch(CONTROL_CHARS);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('JSON report: no control character, every field within its bound', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const json = JSON.parse(toReportJson(reportOf((x) => x, s))) as Report;
        for (const check of json.checks) {
          for (const [key, value] of Object.entries(check)) {
            if (typeof value !== 'string') continue;
            expect(value).not.toMatch(CONTROL_CHARS);
            const max = key === 'details' ? MAX_DETAILS_CHARS : MAX_FIELD_CHARS;
            expect(value.length).toBeLessThanOrEqual(max + 40);
          }
        }
        for (const value of Object.values([...json.secrets][0]!))
          if (typeof value === 'string') expect(value).not.toMatch(CONTROL_CHARS);
      }),
      RUNS,
    );
  });

  it('CLI text: no control character, no carriage return; one line per check headline', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const text = renderText(
          reportOf((x) => x, s),
          { color: false, verbose: true },
        );
        expect(text).not.toMatch(CONTROL_CHARS);
        expect(text).not.toContain('\r');
        const headlines = text.split('\n').filter((l) => /^[✔!✘-] (PASS|WARN|FAIL|SKIP) /.test(l));
        expect(headlines.length).toBeGreaterThanOrEqual(4);
      }),
      RUNS,
    );
  });
});
