// Writes the contract's JSON report. Only contract fields are written (summary tables stay out).
import { mkdtemp, open } from 'node:fs/promises';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Report } from '../engine/types.js';
import { MAX_DETAILS_CHARS, MAX_FIELD_CHARS, cleanText } from '../text/sanitise.js';

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
  // Every string through the sanitising boundary once more: the report is read by scripts that
  // may print it, so it holds no control character and no field past its bound.
  const clean = (key: string, value: unknown) =>
    typeof value === 'string'
      ? cleanText(value, key === 'details' ? MAX_DETAILS_CHARS : MAX_FIELD_CHARS)
      : value;
  const { secrets, ...rest } = report;
  const head = JSON.stringify({ ...rest, checks, secrets: [] }, clean, 2);
  if (!secrets.length) {
    yield `${head}\n`;
    return;
  }
  // `secrets` is the last field, so the head ends with its empty array and the closing brace.
  yield `${head.slice(0, head.length - '[]\n}'.length)}[\n`;
  // Entries are read one at a time (a tenant scan's come back from a file), never all at once.
  let lines: string[] = [];
  let first = true;
  for (const entry of secrets) {
    lines.push(`    ${JSON.stringify(entry, clean)}`);
    if (lines.length < ENTRIES_PER_PIECE) continue;
    yield `${first ? '' : ',\n'}${lines.join(',\n')}`;
    first = false;
    lines = [];
  }
  if (lines.length) yield `${first ? '' : ',\n'}${lines.join(',\n')}`;
  yield '\n  ]\n}\n';
}

export function toReportJson(report: Report): string {
  return [...reportJsonPieces(report)].join('');
}

/**
 * Writes the report to a file of its own: a new directory (mkdtemp, mode 0700) under RUNNER_TEMP
 * (the system temp directory outside a runner), the file created exclusively (O_EXCL) with mode
 * 0600. A fixed name would follow a symlink planted there, land in a file another user created
 * first, and let two steps or two runs overwrite each other's report. It is written piece by
 * piece: a report of a large tenant is never one string in memory.
 */
export async function writeReport(
  report: Report,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const base = reportBase(env);
  let dir: string;
  try {
    dir = await mkdtemp(join(base, 'm365-mail-preflight-'));
  } catch (error) {
    throw new ReportWriteError(base, error);
  }
  const path = join(dir, 'report.json');
  try {
    const file = await open(path, 'wx', 0o600);
    try {
      for (const piece of reportJsonPieces(report)) await file.write(piece);
    } finally {
      await file.close();
    }
  } catch (error) {
    throw new ReportWriteError(path, error);
  }
  return path;
}

export const reportBase = (env: NodeJS.ProcessEnv = process.env): string =>
  env.RUNNER_TEMP || tmpdir();

/** A file that could not be written, named with the cause in words (full disk, no permission). */
export class ReportWriteError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`${path}: ${describeWriteError(cause)}`, { cause });
    this.name = 'ReportWriteError';
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than the system allows',
  EACCES: 'not writable (permission denied)',
  EPERM: 'not writable (operation not permitted)',
  EROFS: 'on a read-only file system',
  ENOENT: 'the directory does not exist',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'a file of that name already exists',
};

export function describeWriteError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(WRITE_ERRORS, code))
    return `${WRITE_ERRORS[code]} (${code})`;
  return error instanceof Error ? error.message : String(error);
}
