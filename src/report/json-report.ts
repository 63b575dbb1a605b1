// Writes the contract's JSON report. Only contract fields are written (summary tables stay out).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Report } from '../engine/types.js';

export function toReportJson(report: Report): string {
  const checks = report.checks.map(
    ({ tables: _tables, annotations: _annotations, ...check }) => check,
  );
  return `${JSON.stringify({ ...report, checks }, null, 2)}\n`;
}

export function defaultReportPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'm365-mail-preflight', 'report.json');
}

export async function writeReport(report: Report, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, toReportJson(report), { mode: 0o600 });
  return path;
}
