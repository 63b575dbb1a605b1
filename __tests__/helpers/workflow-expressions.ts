// Static check of the workflows (ours in .github/workflows/ and the examples users copy): every
// `${{ }}` expression and `if:` condition names something that exists where it is used, and every
// `with:` of this action is one of its inputs. GitHub evaluates a missing step output or input to
// an empty string without a word; this finds the typo before a user does.
import type { Workflow, WorkflowStep } from './workflow-runner.js';
import { stepLabel } from './workflow-runner.js';

export interface ActionDefinition {
  inputs: Record<string, { required?: boolean; default?: unknown }>;
  outputs: Record<string, unknown>;
}

/** Functions of GitHub's expression language, whose names ignore case (docs.github.com:
 * https://docs.github.com/en/actions/reference/workflows-and-actions/expressions#functions). */
const FUNCTIONS = new Set(
  ['always', 'success', 'failure', 'cancelled', 'contains', 'startsWith', 'endsWith', 'format']
    .concat(['join', 'toJSON', 'fromJSON', 'hashFiles'])
    .map((f) => f.toLowerCase()),
);
/** Properties of the runner and github contexts these files may use. */
const RUNNER = new Set(['temp', 'os', 'arch', 'name', 'tool_cache', 'debug', 'environment']);
const GITHUB = new Set([
  'token',
  'event_name',
  'event',
  'ref',
  'ref_name',
  'sha',
  'repository',
  'repository_owner',
  'run_id',
  'run_number',
  'server_url',
  'api_url',
  'workspace',
  'actor',
  'job',
  'action_path',
]);

/** `uses:` of this action: from this checkout, or from its repository as the examples name it. */
export const isThisAction = (uses: string | undefined) =>
  uses === './' || /^OWNER\/m365-mail-preflight@/.test(uses ?? '');

/** The expressions in a value: each `${{ }}` of every string inside it. */
function expressionsIn(value: unknown): string[] {
  if (typeof value === 'string')
    return [...value.matchAll(/\$\{\{([\s\S]*?)\}\}/g)].map((m) => m[1]!.trim());
  if (Array.isArray(value)) return value.flatMap(expressionsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(expressionsIn);
  return [];
}

/** Context paths and function names an expression uses (string literals taken out first). */
export function referencesOf(expression: string): { paths: string[]; functions: string[] } {
  const code = expression.replace(/'(?:[^']|'')*'/g, "''");
  const tokens = [...code.matchAll(/[A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*)*(\s*\()?/g)];
  const functions = tokens.filter((m) => m[1]).map((m) => m[0].replace(/\s*\($/, ''));
  const paths = tokens
    .filter((m) => !m[1])
    .map((m) => m[0])
    .filter((p) => !['true', 'false', 'null'].includes(p));
  return { paths, functions };
}

function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on as string[];
  return Object.keys(on ?? {});
}

interface Scope {
  where: string;
  events: string[];
  dispatchInputs: string[];
  env: string[];
  matrix: string[];
  /** The steps before this one in its job. */
  earlier: WorkflowStep[];
  needs: string[];
  jobs: Workflow['jobs'];
}

function checkPath(path: string, scope: Scope, action: ActionDefinition): string | undefined {
  const [context, name, third, fourth] = path.split('.');
  const problem = (what: string) => `${scope.where}: ${path}: ${what}`;
  switch (context) {
    case 'steps': {
      const step = scope.earlier.find((s) => s.id === name);
      if (!step) return problem(`no earlier step has id '${name}'`);
      if (third === 'outcome' || third === 'conclusion') return undefined;
      if (third !== 'outputs' || !fourth) return problem('expected steps.ID.outputs.NAME');
      if (isThisAction(step.uses))
        return Object.hasOwn(action.outputs, fourth)
          ? undefined
          : problem(`'${fourth}' is not an output of action.yml`);
      // A run step's output names are checked by running it (workflows-run.test.ts).
      if (step.run !== undefined && step.run.includes('GITHUB_OUTPUT')) return undefined;
      return problem(`step '${name}' sets no outputs that this check knows of`);
    }
    case 'runner':
      return RUNNER.has(name ?? '') ? undefined : problem('not a runner property');
    case 'github':
      if (!GITHUB.has(name ?? '')) return problem('not a github property used here');
      if (name === 'event' && !scope.events.includes(third ?? ''))
        return problem(`the workflow does not run on '${third}'`);
      return undefined;
    case 'env':
      return scope.env.includes(name ?? '') ? undefined : problem('no env of that name');
    case 'matrix':
      return scope.matrix.includes(name ?? '') ? undefined : problem('not in the job matrix');
    case 'inputs':
      return scope.dispatchInputs.includes(name ?? '') ? undefined : problem('no such input');
    case 'needs': {
      if (!scope.needs.includes(name ?? '')) return problem(`the job does not need '${name}'`);
      const outputs = (scope.jobs[name!]?.outputs ?? {}) as Record<string, unknown>;
      return third === 'outputs' && fourth && Object.hasOwn(outputs, fourth)
        ? undefined
        : problem(`job '${name}' has no such output`);
    }
    case 'secrets':
    case 'vars':
      // Set in the repository's settings, which no file here shows.
      return name ? undefined : problem('expected a name');
    default:
      return problem('unknown context');
  }
}

function checkExpression(expression: string, scope: Scope, action: ActionDefinition): string[] {
  const { paths, functions } = referencesOf(expression);
  return [
    ...functions
      .filter((f) => !FUNCTIONS.has(f.toLowerCase()))
      .map((f) => `${scope.where}: ${f}() is not a function of GitHub expressions`),
    ...paths.flatMap((p) => checkPath(p, scope, action) ?? []),
  ];
}

/** Problems in one workflow file, each naming the file, the job, the step and the expression. */
export function workflowProblems(
  file: string,
  workflow: Workflow,
  action: ActionDefinition,
): string[] {
  const problems: string[] = [];
  const events = triggers(workflow.on);
  const dispatch = (workflow.on as Record<string, { inputs?: object } | null>)?.workflow_dispatch;
  const workflowEnv = Object.keys(workflow.env ?? {});
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    const jobScope: Scope = {
      where: `${file} job ${jobId}`,
      events,
      dispatchInputs: Object.keys(dispatch?.inputs ?? {}),
      env: [...workflowEnv, ...Object.keys(job.env ?? {})],
      matrix: Object.keys(job.strategy?.matrix ?? {}),
      earlier: [],
      needs: [job.needs ?? []].flat(),
      jobs: workflow.jobs,
    };
    const { steps, ...jobFields } = job;
    for (const e of expressionsIn(jobFields))
      problems.push(...checkExpression(e, jobScope, action));
    for (const [index, step] of steps.entries()) {
      const scope: Scope = {
        ...jobScope,
        where: `${file} job ${jobId} step '${stepLabel(step)}'`,
        env: [...jobScope.env, ...Object.keys(step.env ?? {})],
        earlier: steps.slice(0, index),
      };
      const expressions = expressionsIn(step);
      // `if:` is an expression with or without `${{ }}`.
      if (step.if && !step.if.includes('${{')) expressions.push(step.if);
      for (const e of expressions) problems.push(...checkExpression(e, scope, action));
      if (isThisAction(step.uses)) {
        const given = Object.keys(step.with ?? {});
        for (const name of given.filter((n) => !Object.hasOwn(action.inputs, n)))
          problems.push(`${scope.where}: with '${name}' is not an input of action.yml`);
        for (const [name, spec] of Object.entries(action.inputs))
          if (spec.required && !given.includes(name))
            problems.push(`${scope.where}: the required input '${name}' is missing`);
      }
    }
  }
  return problems;
}

/** Problems in action.yml's own expressions (its input defaults). */
export function actionProblems(action: ActionDefinition): string[] {
  const scope: Scope = {
    where: 'action.yml',
    events: [],
    dispatchInputs: [],
    env: [],
    matrix: [],
    earlier: [],
    needs: [],
    jobs: {},
  };
  return expressionsIn(action).flatMap((e) => checkExpression(e, scope, action));
}
