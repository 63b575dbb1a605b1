// The one way dist tests run dist/index.js: runAction, then the leak check every run must pass.
// Secrets checked: the secret inputs given, the tokens the action output, and every token the
// sandbox issued (a failed run may hold a token it never output). Failing runs are checked the
// same way: error paths are where leaks hide.
import { expect } from '@jest/globals';
import type { Sandbox } from '../../sandbox/server.js';
import { findLeaks } from './leak-check.js';
import { runAction, type ActionRun } from './run-action.js';

const SECRET_INPUTS = ['client-secret', 'password', 'github-token'];

/** Every secret a run could have seen. */
export function secretsOf(
  run: ActionRun,
  inputs: Record<string, string>,
  sandbox?: Pick<Sandbox, 'issued'>,
): string[] {
  const values = [
    ...SECRET_INPUTS.map((name) => inputs[name] ?? ''),
    ...SECRET_INPUTS.map((name) => (inputs[name] ?? '').trim()),
    run.outputs['access-token'] ?? '',
    run.outputs['refresh-token'] ?? '',
    ...(sandbox?.issued ?? []),
  ];
  return [...new Set(values.filter((v) => v.length >= 4))];
}

/**
 * No secret anywhere outside `::add-mask::` (stdout, stderr, summary, report, GITHUB_ENV,
 * GITHUB_STATE; raw, base64, URL and JSON forms), and every secret that stdout holds is masked
 * on the first line that holds it.
 */
export function expectNoLeaks(
  run: ActionRun,
  inputs: Record<string, string>,
  sandbox?: Pick<Sandbox, 'issued'>,
): void {
  const secrets = secretsOf(run, inputs, sandbox);
  expect(findLeaks(run, secrets)).toEqual([]);
  // The first line holding a secret must mask it (or mask a longer value around it, as the
  // untrimmed password's mask holds the trimmed one).
  const unmaskedFirst = secrets.filter((s) => {
    const first = run.stdout.split('\n').find((line) => line.includes(s));
    return first !== undefined && !first.startsWith('::add-mask::');
  });
  expect(unmaskedFirst.map((s) => `${s.slice(0, 4)}…`)).toEqual([]);
}

/** runAction plus expectNoLeaks: what every dist test should call. */
export async function runActionChecked(
  inputs: Record<string, string>,
  options: Parameters<typeof runAction>[1] & { sandbox?: Pick<Sandbox, 'issued'> } = {},
): Promise<ActionRun> {
  const { sandbox, ...runOptions } = options;
  const run = await runAction(inputs, runOptions);
  expectNoLeaks(run, inputs, sandbox);
  return run;
}
