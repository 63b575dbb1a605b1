// Entry point of the action (dist/index.js), kept tiny: it turns on Node's on-disk compile cache
// (Node ≥ 22.1; a no-op on older Node) and only then loads the action bundle (dist/action/), so
// that a later run on the same machine (a self-hosted runner) skips compiling it. Not on
// GitHub-hosted runners: every job there starts on a fresh machine, where an empty cache only
// costs its writing (RUNNER_ENVIRONMENT, https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables).
// The import is left to Node (webpackIgnore): the bundle is built separately.
import * as nodeModule from 'node:module';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
if (process.env.RUNNER_ENVIRONMENT !== 'github-hosted') {
  try {
    enableCompileCache?.();
  } catch {
    // A cache directory that cannot be written only costs speed.
  }
}
const main = './action/index.js';
await import(/* webpackIgnore: true */ main);
