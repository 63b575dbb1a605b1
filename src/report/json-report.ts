// Writes the contract's JSON report. Only contract fields are written (summary tables stay out).
import { mkdir, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Report } from '../engine/types.js';

/** Secrets entries per piece of the report: bounds what is held as text at once. */
const ENTRIES_PER_PIECE = 2_000;

/**
 * The report as JSON in pieces, indented for people, except that each `secrets` entry is one
 * line: a tenant scan can list hundreds of thousands, and indenting each of their fields doubled
 * the report's size and the time to write it. Joined, the pieces are toReportJson().
 */
function* reportJsonPieces(report: Report): Generator<string> {
  const checks = report.checks.map(
    ({ tables: _tables, annotations: _annotations, ...check }) => check,
  );
  const { secrets, ...rest } = report;
  const head = JSON.stringify({ ...rest, checks, secrets: [] }, null, 2);
  if (!secrets.length) {
    yield `${head}\n`;
    return;
  }
  // `secrets` is the last field, so the head ends with its empty array and the closing brace.
  yield `${head.slice(0, head.length - '[]\n}'.length)}[\n`;
  for (let i = 0; i < secrets.length; i += ENTRIES_PER_PIECE) {
    const lines: string[] = [];
    for (const entry of secrets.slice(i, i + ENTRIES_PER_PIECE))
      lines.push(`    ${JSON.stringify(entry)}`);
    yield `${i ? ',\n' : ''}${lines.join(',\n')}`;
  }
  yield '\n  ]\n}\n';
}

export function toReportJson(report: Report): string {
  return [...reportJsonPieces(report)].join('');
}

export function defaultReportPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.RUNNER_TEMP || tmpdir(), 'm365-mail-preflight', 'report.json');
}

/** Writes the report piece by piece: a report of a large tenant is never one string in memory. */
export async function writeReport(report: Report, path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'w', 0o600);
  try {
    for (const piece of reportJsonPieces(report)) await file.write(piece);
  } finally {
    await file.close();
  }
  return path;
}
