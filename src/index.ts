// Entry point of the action (dist/index.js), kept tiny: it turns on Node's on-disk compile cache
// (Node ≥ 22.1; a no-op on older Node) and only then loads the action bundle (dist/action/), so
// that a later run on the same machine (a self-hosted runner, a second step in the job) skips
// compiling it. The import is left to Node (webpackIgnore): the bundle is built separately.
import * as nodeModule from 'node:module';

const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
try {
  enableCompileCache?.();
} catch {
  // A cache directory that cannot be written only costs speed.
}
const main = './action/index.js';
await import(/* webpackIgnore: true */ main);
