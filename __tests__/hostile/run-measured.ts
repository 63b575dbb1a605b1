// Runs dist/index.js as the runner does (runActionChecked: leak-checked) and measures what a
// hostile server could drive up: the child's peak memory (process.resourceUsage().maxRSS, read
// in the child by a preloaded script as it exits) and the wall time of the step.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@jest/globals';
import type { Sandbox } from '../../sandbox/server.js';
import { runActionChecked } from '../helpers/checked-run.js';
import type { ActionRun } from '../helpers/run-action.js';
import { CONTROL_CHARS, injectedCommands } from '../helpers/invariants.js';

const dir = mkdtempSync(join(tmpdir(), 'm365-hostile-'));
const preload = join(dir, 'max-rss.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);
let runs = 0;

export interface MeasuredRun extends ActionRun {
  /** Peak resident memory of the action's process, in MiB. */
  maxRssMiB: number;
  wallMs: number;
}

export async function runMeasured(
  inputs: Record<string, string>,
  options: Parameters<typeof runActionChecked>[1] & { sandbox?: Pick<Sandbox, 'issued'> } = {},
): Promise<MeasuredRun> {
  const rssFile = join(dir, `rss-${++runs}`);
  const started = performance.now();
  const run = await runActionChecked(inputs, {
    ...options,
    env: { NODE_OPTIONS: `--require ${preload}`, MAX_RSS_FILE: rssFile, ...options.env },
  });
  const wallMs = performance.now() - started;
  const maxRssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  return { ...run, maxRssMiB, wallMs };
}

/** Everything a run rendered: the log, the summary, the report and the outputs. */
export function renderedText(run: ActionRun): string {
  return [run.stdout, run.stderr, run.summary, run.reportText, ...Object.values(run.outputs)].join(
    '\n',
  );
}

/** Every string value of a parsed JSON document. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

/** The invariants for one run: no injected command, no control character anywhere. */
export function expectNoInjection(run: ActionRun): void {
  expect(injectedCommands(run.stdout)).toEqual([]);
  const places = {
    log: run.stdout,
    summary: run.summary,
    report: stringsOf(run.report).join('\n'),
  };
  for (const [name, text] of Object.entries(places))
    expect([name, CONTROL_CHARS.exec(text)?.[0]]).toEqual([name, undefined]);
}
