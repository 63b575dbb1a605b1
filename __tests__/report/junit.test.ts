// The JUnit report (junit-path / --junit): valid against the Apache Ant JUnit schema that CI
// tools read (xmllint --schema), one test case per check of a real engine run, a failure's text
// the summary and the fix, skipped checks skipped, warnings failing only with fail-on: warning.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import type { Report } from '../../src/engine/types.js';
import { escapeXml, toJUnitXml } from '../../src/report/junit.js';
import { runEngine } from '../helpers/engine-run.js';
import { failingReport, passingReport } from './sample-reports.js';

const XSD = '__tests__/fixtures/junit/JUnit.xsd';
const FIXTURE = '__tests__/fixtures/junit/preflight-failing.xml';
const xmllint = spawnSync('xmllint', ['--version']).status === 0;
const fixed = {
  startedAt: new Date('2026-11-30T08:00:00.250Z'),
  durationMs: 1234,
  hostname: 'runner',
};

let dir: string;
let sandbox: Sandbox;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mmp-junit-'));
  sandbox = await startSandbox();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await sandbox.close();
});

/** xmllint's verdict on a document against the schema: '' when valid, else its complaints. */
function schemaErrors(xml: string): string {
  const file = join(dir, `doc-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return run.status === 0 ? '' : run.stderr;
}

/** The test cases of a document: name, classname and what is inside (failure, skipped or none). */
function testCases(xml: string) {
  const file = join(dir, `cases-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const query = (xpath: string) =>
    // xmllint ends what it prints with a line break of its own.
    execFileSync('xmllint', ['--xpath', xpath, file], { encoding: 'utf8' }).replace(/\n$/, '');
  const count = Number(query('count(/testsuite/testcase)'));
  return Array.from({ length: count }, (_, i) => {
    const at = `/testsuite/testcase[${i + 1}]`;
    const kind = Number(query(`count(${at}/failure)`))
      ? 'failure'
      : Number(query(`count(${at}/skipped)`))
        ? 'skipped'
        : 'pass';
    return {
      name: query(`string(${at}/@name)`),
      classname: query(`string(${at}/@classname)`),
      kind,
      text: kind === 'failure' ? query(`string(${at}/failure)`) : '',
      message: kind === 'pass' ? '' : query(`string(${at}/${kind}/@message)`),
    };
  });
}

const maybe = xmllint ? describe : describe.skip;
if (!xmllint)
  // Say why in the test output instead of a silent skip.
  describe('JUnit report', () =>
    it.skip('needs xmllint (apt-get install libxml2-utils, as .ci/run does)', () => undefined));

maybe('JUnit report (validated with xmllint against the Ant JUnit schema)', () => {
  it('the committed fixture is what the failing sample report becomes, and it is valid', () => {
    const xml = toJUnitXml(failingReport, { failOn: 'error', ...fixed });
    // UPDATE_FIXTURES=1 rewrites it; review the diff before committing.
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(FIXTURE, xml);
    expect(xml).toBe(readFileSync(FIXTURE, 'utf8'));
    expect(schemaErrors(xml)).toBe('');
  });

  it('the schema rejects what it should (the validation is real)', () => {
    const broken = toJUnitXml(passingReport, { failOn: 'error', ...fixed }).replace(
      / timestamp="[^"]*"/,
      '',
    );
    expect(schemaErrors(broken)).toMatch(/timestamp/);
  });

  it('each check of a real run becomes one test case; a failure says what and how to fix', async () => {
    const { outcome } = await runEngine(sandbox, { password: 'not the password' });
    const report = outcome.report;
    const xml = toJUnitXml(report, { failOn: 'error', ...fixed });
    expect(schemaErrors(xml)).toBe('');
    const cases = testCases(xml);
    expect(cases.map((c) => c.classname)).toEqual(
      report.checks.map((c) => `m365-mail-preflight.${c.id}`),
    );
    expect(cases.map((c) => c.name)).toEqual(report.checks.map((c) => c.title));
    for (const [i, check] of report.checks.entries()) {
      const kind = { fail: 'failure', skip: 'skipped', pass: 'pass', warn: 'pass' }[check.status];
      expect(`${check.id}: ${cases[i]!.kind}`).toBe(`${check.id}: ${kind}`);
      if (check.status === 'fail') {
        expect(cases[i]!.message).toBe(check.summary);
        expect(cases[i]!.text.startsWith(`${check.summary}\n\nFix: ${check.remediation}`)).toBe(
          true,
        );
      }
    }
    expect(cases.some((c) => c.kind === 'failure')).toBe(true);
    expect(xml).toMatch(/<testsuite [^>]*tests="\d+" failures="[1-9]/);
    expect(xml).not.toContain('not the password');
  });

  it('a warning is a failure only when it fails the step (fail-on: warning)', () => {
    const warned: Report = {
      ...passingReport,
      result: 'warn',
      checks: passingReport.checks.map((c, i) =>
        i === 1
          ? { ...c, status: 'warn', summary: 'expires in 12 days', remediation: 'rotate it' }
          : c,
      ),
    };
    const lenient = toJUnitXml(warned, { failOn: 'error', ...fixed });
    const strict = toJUnitXml(warned, { failOn: 'warning', ...fixed });
    expect(schemaErrors(lenient) + schemaErrors(strict)).toBe('');
    expect(testCases(lenient).filter((c) => c.kind === 'failure')).toEqual([]);
    expect(lenient).toContain('warning: Access token: expires in 12 days\nFix: rotate it');
    expect(
      testCases(strict)
        .filter((c) => c.kind === 'failure')
        .map((c) => c.message),
    ).toEqual(['expires in 12 days']);
  });

  it('server text with markup and control characters stays well-formed and valid', () => {
    const hostile: Report = {
      ...failingReport,
      checks: failingReport.checks.map((c) =>
        c.status === 'fail'
          ? {
              ...c,
              summary: `</failure><x a="1"> & \u0001\u001b[31m ]]> '"`,
              details: '\ud800 lone',
            }
          : c,
      ),
    };
    const xml = toJUnitXml(hostile, { failOn: 'error', ...fixed });
    expect(schemaErrors(xml)).toBe('');
    expect(testCases(xml).find((c) => c.kind === 'failure')!.message).toBe(
      `</failure><x a="1"> & [31m ]]> '"`,
    );
  });
});

describe('escapeXml', () => {
  it('escapes the entities, keeps line breaks in text and encodes them in attributes', () => {
    expect(escapeXml('a<b>&"c"\nd')).toBe('a&lt;b&gt;&amp;&quot;c&quot;\nd');
    expect(escapeXml('a\nb\tc', true)).toBe('a&#10;b&#9;c');
    expect(escapeXml('x\u0000\u0008y\uffff')).toBe('xy');
  });
});
