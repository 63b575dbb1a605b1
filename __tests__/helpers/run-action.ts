// Runs the built dist/index.js exactly as the GitHub runner does: every declared input as an
// INPUT_ variable (hyphens kept, action.yml defaults filled in), the runner's files created
// beforehand, a clean environment (no inherited INPUT_/GITHUB_/proxy/NODE_OPTIONS variables).
// Every run is checked for leaked secrets (leak-check.ts) and rejected if it leaks.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { leakProblems } from './leak-check.js';

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  githubEnv: string;
  githubState: string;
  report?: Record<string, unknown>;
  reportText: string;
  dir: string;
}

interface ActionYaml {
  inputs: Record<string, { default?: string }>;
}

const actionYaml = parse(readFileSync(resolve('action.yml'), 'utf8')) as ActionYaml;

export function actionDefaults(githubToken = ''): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYaml.inputs)) {
    const value = spec.default ?? '';
    defaults[name] = value.includes('${{') ? githubToken : value;
  }
  return defaults;
}

const DROP =
  /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$|https?_proxy$|no_proxy$|all_proxy$|JEST_)/i;

export async function runAction(
  inputs: Record<string, string>,
  options: {
    node?: string;
    env?: Record<string, string>;
    entry?: string;
    cwd?: string;
    /** More secrets to look for, read after the run (e.g. every token the sandbox issued). */
    issued?: () => readonly string[];
  } = {},
): Promise<ActionRun> {
  const dir = await mkdtemp(join(tmpdir(), 'm365-action-'));
  const files = { output: 'output', summary: 'summary', env: 'env', state: 'state', path: 'path' };
  for (const f of Object.values(files)) await writeFile(join(dir, f), '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !DROP.test(k)) env[k] = v;
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: join(dir, files.output),
    GITHUB_STEP_SUMMARY: join(dir, files.summary),
    GITHUB_ENV: join(dir, files.env),
    GITHUB_STATE: join(dir, files.state),
    GITHUB_PATH: join(dir, files.path),
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REPOSITORY: 'contoso/mail-integration',
    ...options.env,
  });
  const entry = resolve(options.entry ?? 'dist/index.js');
  const child = spawn(options.node ?? process.execPath, [entry], {
    env,
    cwd: options.cwd ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const read = (f: string) => readFile(join(dir, f), 'utf8');
  const outputs = parseFileCommand(await read(files.output));
  let reportText = '';
  let report: Record<string, unknown> | undefined;
  if (outputs['report-path']) {
    reportText = await readFile(outputs['report-path'], 'utf8');
    report = JSON.parse(reportText) as Record<string, unknown>;
  }
  const run: ActionRun = {
    code,
    stdout,
    stderr,
    outputs,
    summary: await read(files.summary),
    githubEnv: await read(files.env),
    githubState: await read(files.state),
    report,
    reportText,
    dir,
  };
  // Every run of dist/, passing or failing, is checked for leaks: a test cannot forget to.
  const problems = leakProblems(
    run,
    { ...actionDefaults(), ...inputs },
    options.issued?.() ?? [],
    options.env,
  );
  if (problems.length) throw new Error(`dist/index.js leaked a secret:\n${problems.join('\n')}`);
  return run;
}

/** Parses GITHUB_OUTPUT/GITHUB_ENV: `name<<DELIM\nvalue\nDELIM` and `name=value` forms. */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}
