// Writes the contract's JSON report. Only contract fields are written (summary tables stay out).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Report } from '../engine/types.js';
import { MAX_DETAILS_CHARS, MAX_FIELD_CHARS, cleanText } from '../text/sanitise.js';

export function toReportJson(report: Report): string {
  const checks = report.checks.map(
    ({ tables: _tables, annotations: _annotations, ...check }) => check,
  );
  // Every string through the sanitising boundary once more: the report is read by scripts that
  // may print it, so it holds no control character and no field past its bound.
  const clean = (key: string, value: unknown) =>
    typeof value === 'string'
      ? cleanText(value, key === 'details' ? MAX_DETAILS_CHARS : MAX_FIELD_CHARS)
      : value;
  return `${JSON.stringify({ ...report, checks }, clean, 2)}\n`;
}

export function defaultReportPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'm365-mail-preflight', 'report.json');
}

export async function writeReport(report: Report, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, toReportJson(report), { mode: 0o600 });
  return path;
}
