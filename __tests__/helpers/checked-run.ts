// The one way dist tests run dist/index.js: runAction (which refuses any run that leaks a secret,
// see leak-check.ts) with the sandbox's issued tokens added to the secrets it looks for. A failed
// run may hold a token it never output: error paths are where leaks hide.
import type { Sandbox } from '../../sandbox/server.js';
import { runAction, type ActionRun } from './run-action.js';

export async function runActionChecked(
  inputs: Record<string, string>,
  options: Parameters<typeof runAction>[1] & { sandbox?: Pick<Sandbox, 'issued'> } = {},
): Promise<ActionRun> {
  const { sandbox, ...runOptions } = options;
  return runAction(inputs, { ...runOptions, issued: () => sandbox?.issued ?? [] });
}
