// The report as JUnit XML (`junit-path` / `--junit FILE`), so test-report actions
// (dorny/test-reporter, EnricoMi/publish-unit-test-result-action) and other CI systems show the
// preflight natively: one <testcase> per check; a failure's text is its summary and its fix.
//
// The shape is the Apache Ant JUnit schema (the de facto one; the test validates against it):
// a single <testsuite> root with <properties>, the test cases, <system-out> and <system-err>,
// and the attributes that schema requires (timestamp without a zone, in UTC; hostname).
// JUnit has no "warning": a warning is a failure when it fails the step (`fail-on: warning`),
// otherwise a passing test case, and the suite's <system-out> lists it.
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname as osHostname } from 'node:os';
import { dirname } from 'node:path';
import type { CheckResult, Report } from '../engine/types.js';
import type { FailOn } from '../settings/types.js';
import { VERDICT_HEADLINE, countLine } from './status.js';
import { SUMMARY_TITLE } from './summary-html.js';

export interface JUnitOptions {
  failOn: FailOn;
  /** When the run started: the suite's timestamp. */
  startedAt: Date;
  durationMs: number;
  hostname?: string;
}

const SUITE = 'm365-mail-preflight';

export function toJUnitXml(report: Report, options: JUnitOptions): string {
  const failed = (c: CheckResult) =>
    c.status === 'fail' || (c.status === 'warn' && options.failOn === 'warning');
  const failures = report.checks.filter(failed).length;
  const skipped = report.checks.filter((c) => c.status === 'skip').length;
  const warnings = report.checks.filter((c) => c.status === 'warn');
  const attrs = (pairs: Record<string, string | number>) =>
    Object.entries(pairs)
      .map(([k, v]) => ` ${k}="${escapeXml(String(v), true)}"`)
      .join('');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite${attrs({
      name: SUMMARY_TITLE,
      timestamp: options.startedAt.toISOString().slice(0, 19),
      hostname: options.hostname || osHostname() || 'localhost',
      tests: report.checks.length,
      failures,
      errors: 0,
      skipped,
      time: seconds(options.durationMs),
    })}>`,
    '  <properties>',
    ...Object.entries({
      result: report.result,
      'tenant-id': report.tenantId,
      'client-id': report.clientId,
      grant: report.grant ?? '',
    })
      .filter(([, value]) => value)
      .map(([name, value]) => `    <property${attrs({ name, value })}/>`),
    '  </properties>',
  ];
  for (const check of report.checks) {
    const open = `  <testcase${attrs({ name: check.title, classname: `${SUITE}.${check.id}`, time: '0' })}`;
    if (failed(check)) {
      lines.push(
        `${open}>`,
        `    <failure${attrs({ message: check.summary, type: check.code ?? check.status })}>${escapeXml(failureText(check))}</failure>`,
        '  </testcase>',
      );
    } else if (check.status === 'skip') {
      lines.push(`${open}>`, `    <skipped${attrs({ message: check.summary })}/>`, '  </testcase>');
    } else lines.push(`${open}/>`);
  }
  const out = [
    `${SUMMARY_TITLE}: ${report.result.toUpperCase()}, ${VERDICT_HEADLINE[report.result]} (${countLine(report.checks.map((c) => c.status))})`,
    ...warnings.map(
      (c) => `warning: ${c.title}: ${c.summary}${c.remediation ? `\nFix: ${c.remediation}` : ''}`,
    ),
  ];
  lines.push(
    `  <system-out>${escapeXml(out.join('\n'))}</system-out>`,
    '  <system-err></system-err>',
    '</testsuite>',
  );
  return `${lines.join('\n')}\n`;
}

export async function writeJUnit(xml: string, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, xml);
  return path;
}

/** The failure's body: what went wrong, then the fix, then the details. */
function failureText(check: CheckResult): string {
  return [check.summary, check.remediation && `Fix: ${check.remediation}`, check.details]
    .filter(Boolean)
    .join('\n\n');
}

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

/**
 * Text safe in XML element content, or in an attribute value with `attribute` (where line
 * breaks and tabs are written as character references, else parsers turn them into spaces).
 * The five entities are escaped, and what XML 1.0 cannot carry at all is dropped (C0 controls
 * other than tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates), since server
 * text quoted in a summary may contain them.
 */
export function escapeXml(text: string, attribute = false): string {
  const escaped = text
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
  return attribute ? escaped.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}
