// Runs one job of this repository's workflows on this machine, step by step, the way a GitHub
// runner does, for the steps that can run here (there is no GitHub and no internet):
// - `run:` steps in bash as the runner's default shell (`bash -e {0}`; `shell: bash` adds
//   `--noprofile --norc -eo pipefail`), in the workspace, with a job-wide RUNNER_TEMP and fresh
//   GITHUB_OUTPUT / GITHUB_ENV / GITHUB_PATH / GITHUB_STEP_SUMMARY files per step;
// - `uses: ./` through the action's action.yml (`runs.using`, `runs.main`) with run-action.ts,
//   which maps `with:` to INPUT_ variables as the runner does and checks the run for leaks;
// - any other `uses:` only as a skip the caller names with its reason.
// `${{ }}` is a deliberately small evaluator: a plain context path (steps.ID.outputs.NAME,
// runner.temp, github.event..., env.NAME) that must exist. Anything else throws, so a workflow
// cannot drift past what this runner checks. A failed step skips the rest (no `if:` support).
// At the end of the job, as the runner's orphan-process cleanup does, every process a step left
// running (its own process group: each step starts as a group leader) is stopped.
import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { NODE24_PATH } from './node-binaries.js';
import { parseFileCommand, runAction } from './run-action.js';

export interface WorkflowStep {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
  shell?: string;
  if?: string;
}
export interface WorkflowJob {
  needs?: string | string[];
  env?: Record<string, unknown>;
  strategy?: { matrix?: Record<string, unknown> };
  steps: WorkflowStep[];
  [key: string]: unknown;
}
export interface Workflow {
  on: unknown;
  env?: Record<string, unknown>;
  jobs: Record<string, WorkflowJob>;
  [key: string]: unknown;
}

export const readWorkflow = (path: string) => parse(readFileSync(path, 'utf8')) as Workflow;

/** How a step is named in the runner's log: its name, else `uses: X`, else `run: <first line>`. */
export function stepLabel(step: WorkflowStep): string {
  if (step.name) return step.name;
  if (step.uses) return `uses: ${step.uses}`;
  return `run: ${(step.run ?? '').split('\n')[0]}`;
}

const CONTEXT_PATH = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*$/;

/** Replaces each `${{ path }}` in `text`; throws on anything but an existing plain path. */
export function substitute(text: string, context: Record<string, unknown>, where: string): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_, inner: string) => {
    const expression = inner.trim();
    if (!CONTEXT_PATH.test(expression))
      throw new Error(
        `${where}: \${{ ${expression} }} is not a plain context path (not evaluated here)`,
      );
    let value: unknown = context;
    for (const part of expression.split('.')) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part))
        throw new Error(`${where}: \${{ ${expression} }}: '${part}' does not exist`);
      value = (value as Record<string, unknown>)[part];
    }
    if (!['string', 'number', 'boolean'].includes(typeof value))
      throw new Error(`${where}: \${{ ${expression} }} is not a string, number or boolean`);
    return String(value);
  });
}

export interface SkipRule {
  /** The step's label (stepLabel) or a pattern for it. */
  step: string | RegExp;
  reason: string;
}

/** Steps every job here skips: this directory is already the checkout, set up by `npm ci`. */
export const ALREADY_THE_CHECKOUT: SkipRule[] = [
  { step: /^uses: actions\/checkout@/, reason: 'this directory is already the checkout' },
  {
    step: /^uses: actions\/setup-node@/,
    reason:
      'Node is already installed (the node on PATH; the action itself runs on Node 24 when installed)',
  },
  { step: 'run: npm ci', reason: 'node_modules is already installed by npm ci' },
];

export interface StepRun {
  label: string;
  id?: string;
  status: 'success' | 'failure' | 'skipped';
  /** Why a step was skipped. */
  reason?: string;
  exitCode?: number | null;
  /** stdout and stderr as the runner's log shows them. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
}

export interface JobRun {
  conclusion: 'success' | 'failure';
  steps: StepRun[];
  /** Processes a step left running, stopped at the end of the job: step label and pids. */
  stopped: { label: string; pids: number[] }[];
}

export interface RunJobOptions {
  workflow: string;
  job: string;
  /** The checkout: working directory and GITHUB_WORKSPACE. */
  workspace: string;
  skip: SkipRule[];
  event?: { name: string; payload: Record<string, unknown> };
  /** Added to the machine's environment (e.g. a PATH with a stand-in command). */
  env?: Record<string, string>;
  /** Changes a step's outputs before later steps read them (to show that those steps can fail). */
  tamper?: Record<string, (outputs: Record<string, string>) => Record<string, string>>;
}

const STEP_KEYS = new Set(['id', 'name', 'uses', 'run', 'with', 'env', 'shell']);
const JOB_KEYS = new Set(['name', 'runs-on', 'needs', 'permissions', 'env', 'steps']);
const WORKFLOW_KEYS = new Set(['name', 'on', 'permissions', 'env', 'jobs']);
// Variables of this machine that a runner would not hand a step (jest's and the test's own).
const DROP = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$|JEST_)/i;

export async function runJob(options: RunJobOptions): Promise<JobRun> {
  const workflow = readWorkflow(options.workflow);
  const job = workflow.jobs[options.job];
  if (!job) throw new Error(`${options.workflow} has no job ${options.job}`);
  // Keys that would change how the job runs and that this runner does not model.
  for (const [keys, allowed, where] of [
    [Object.keys(workflow), WORKFLOW_KEYS, options.workflow],
    [Object.keys(job), JOB_KEYS, `${options.workflow} job ${options.job}`],
  ] as const) {
    const unknown = keys.filter((k) => !allowed.has(k));
    if (unknown.length) throw new Error(`${where}: ${unknown.join(', ')} not supported here`);
  }
  const ids = new Set(job.steps.map((s) => s.id));
  for (const id of Object.keys(options.tamper ?? {}))
    if (!ids.has(id)) throw new Error(`${options.workflow} ${options.job}: no step has id ${id}`);
  const skips = new Map<SkipRule, number>(options.skip.map((rule) => [rule, 0]));
  const event = options.event ?? { name: 'push', payload: {} };
  const temp = mkdtempSync(join(tmpdir(), 'm365-runner-temp-'));
  mkdirSync(join(temp, '_steps'));

  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !DROP.test(k)) base[k] = v;
  Object.assign(base, options.env, {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_EVENT_NAME: event.name,
    RUNNER_TEMP: temp,
    RUNNER_OS: 'Linux',
  });
  const addedEnv: Record<string, string> = {};
  const addedPath: string[] = [];
  const steps: Record<string, { outputs: Record<string, string>; outcome: string }> = {};
  const runner = { temp, os: 'Linux' };
  const github = { token: '', event_name: event.name, event: event.payload };
  const evaluateEnv = (
    env: Record<string, unknown> | undefined,
    where: string,
    envContext: Record<string, string>,
  ) =>
    Object.fromEntries(
      Object.entries(env ?? {}).map(([k, v]) => [
        k,
        substitute(String(v), { steps, runner, github, env: envContext }, `${where} ${k}`),
      ]),
    );
  const workflowEnv = evaluateEnv(workflow.env, 'workflow env', {});
  const jobEnv = { ...workflowEnv, ...evaluateEnv(job.env, 'job env', workflowEnv) };

  const runs: StepRun[] = [];
  const groups: { label: string; pgid: number }[] = [];
  let failed = false;
  let stopped: JobRun['stopped'];
  try {
    for (const [index, step] of job.steps.entries()) {
      const label = stepLabel(step);
      const where = `${options.workflow} ${options.job} step '${label}'`;
      const rule = options.skip.find((r) =>
        typeof r.step === 'string' ? r.step === label : r.step.test(label),
      );
      if (rule) {
        skips.set(rule, skips.get(rule)! + 1);
        runs.push({
          label,
          id: step.id,
          status: 'skipped',
          reason: rule.reason,
          log: '',
          outputs: {},
          summary: '',
        });
        continue;
      }
      const unknownKeys = Object.keys(step).filter((k) => !STEP_KEYS.has(k));
      if (unknownKeys.length)
        throw new Error(`${where}: ${unknownKeys.join(', ')} not supported here`);
      if (failed) {
        runs.push({
          label,
          id: step.id,
          status: 'skipped',
          reason: 'an earlier step failed',
          log: '',
          outputs: {},
          summary: '',
        });
        continue;
      }
      const ctx = { steps, runner, github, env: jobEnv };
      const stepEnv = { ...jobEnv, ...evaluateEnv(step.env, `${where} env`, jobEnv) };
      let run: Omit<StepRun, 'label' | 'id'>;
      if (step.run !== undefined) {
        run = await runScript(step, substitute(step.run, ctx, where), {
          dir: join(temp, '_steps', String(index)),
          cwd: options.workspace,
          env: { ...base, ...addedEnv, ...stepEnv, PATH: [...addedPath, base.PATH].join(':') },
          onGroup: (pgid) => groups.push({ label, pgid }),
        });
        const added = parseFileCommand(
          readFileSync(join(temp, '_steps', String(index), 'env'), 'utf8'),
        );
        Object.assign(addedEnv, added);
        addedPath.unshift(
          ...readFileSync(join(temp, '_steps', String(index), 'path'), 'utf8')
            .split('\n')
            .filter(Boolean)
            .reverse(),
        );
      } else if (step.uses?.startsWith('./')) {
        run = await runLocalAction(step, ctx, where, {
          workspace: options.workspace,
          env: { ...base, ...addedEnv, ...stepEnv, PATH: [...addedPath, base.PATH].join(':') },
        });
      } else {
        throw new Error(
          `${where}: cannot run ${step.uses ?? 'this step'} here; skip it with a reason`,
        );
      }
      const outputs =
        step.id && options.tamper?.[step.id] ? options.tamper[step.id]!(run.outputs) : run.outputs;
      runs.push({ label, id: step.id, ...run, outputs });
      if (step.id) steps[step.id] = { outputs, outcome: run.status };
      if (run.status === 'failure') failed = true;
    }
  } finally {
    stopped = await stopGroups(groups);
  }
  const unused = [...skips].filter(([, n]) => n === 0).map(([rule]) => String(rule.step));
  if (unused.length)
    throw new Error(
      `${options.workflow} ${options.job}: no step matches the skip rule(s) ${unused.join(', ')}`,
    );
  return { conclusion: failed ? 'failure' : 'success', steps: runs, stopped };
}

async function runScript(
  step: WorkflowStep,
  script: string,
  o: { dir: string; cwd: string; env: Record<string, string>; onGroup: (pgid: number) => void },
): Promise<Omit<StepRun, 'label' | 'id'>> {
  if (step.shell !== undefined && step.shell !== 'bash')
    throw new Error(`shell ${step.shell} is not supported here`);
  mkdirSync(o.dir, { recursive: true });
  const files = {
    output: join(o.dir, 'output'),
    env: join(o.dir, 'env'),
    path: join(o.dir, 'path'),
    summary: join(o.dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const file = join(o.dir, 'script.sh');
  writeFileSync(file, script);
  const args =
    step.shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail', file] : ['-e', file];
  // The log is a file, not a pipe: a background process the script starts keeps its copy of the
  // descriptors, and a pipe would then never close.
  const logFile = join(o.dir, 'log');
  const fd = openSync(logFile, 'w');
  const child = spawn('bash', args, {
    cwd: o.cwd,
    env: {
      ...o.env,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_PATH: files.path,
      GITHUB_STEP_SUMMARY: files.summary,
    },
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  if (child.pid) o.onGroup(child.pid);
  const exitCode = await new Promise<number | null>((done, fail) => {
    child.on('error', fail);
    child.on('exit', (code, signal) => done(signal ? null : code));
  });
  return {
    status: exitCode === 0 ? 'success' : 'failure',
    exitCode,
    log: readFileSync(logFile, 'utf8'),
    outputs: parseFileCommand(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}

interface ActionYaml {
  inputs?: Record<string, unknown>;
  runs: { using: string; main: string };
}

async function runLocalAction(
  step: WorkflowStep,
  ctx: Record<string, unknown>,
  where: string,
  o: { workspace: string; env: Record<string, string> },
): Promise<Omit<StepRun, 'label' | 'id'>> {
  const actionDir = resolve(o.workspace, step.uses!);
  const action = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8')) as ActionYaml;
  const using = /^node(\d+)$/.exec(action.runs.using);
  if (!using) throw new Error(`${where}: runs.using ${action.runs.using} is not supported here`);
  const inputs: Record<string, string> = {};
  for (const [name, value] of Object.entries(step.with ?? {})) {
    // The runner only warns about an unexpected input; here it is an error.
    if (!Object.hasOwn(action.inputs ?? {}, name))
      throw new Error(`${where}: '${name}' is not an input of ${step.uses}`);
    inputs[name] = substitute(String(value), ctx, `${where} with ${name}`);
  }
  const run = await runAction(inputs, {
    node: nodeFor(using[1]!),
    entry: join(actionDir, action.runs.main),
    cwd: o.workspace,
    env: o.env,
  });
  return {
    status: run.code === 0 ? 'success' : 'failure',
    exitCode: run.code,
    log: run.stdout + run.stderr,
    outputs: run.outputs,
    summary: run.summary,
  };
}

/** The Node that `runs.using: nodeNN` asks for when it is here; else the one running the tests. */
function nodeFor(major: string): string {
  if (process.versions.node.split('.')[0] === major) return process.execPath;
  if (major === '24' && existsSync(NODE24_PATH)) return NODE24_PATH;
  return process.execPath;
}

/** Live (not zombie) processes of a process group, from /proc. */
export function groupMembers(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') pids.push(Number(entry));
  }
  return pids;
}

async function stopGroups(groups: { label: string; pgid: number }[]) {
  const stopped: { label: string; pids: number[] }[] = [];
  for (const { label, pgid } of groups) {
    const pids = groupMembers(pgid);
    if (!pids.length) continue;
    stopped.push({ label, pids });
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      try {
        process.kill(-pgid, signal);
      } catch {
        // the group ended meanwhile
      }
      const deadline = Date.now() + 5000;
      while (groupMembers(pgid).length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      if (!groupMembers(pgid).length) break;
    }
  }
  return stopped;
}
