// Entry point of the action (dist/index.js), kept tiny: it turns on Node's on-disk compile cache
// (Node ≥ 22.1; a no-op on older Node) and only then loads the action bundle (dist/action/), so
// that a later step of the same job skips compiling it. Not on GitHub-hosted runners: every job
// there starts on a fresh machine, where an empty cache only costs its writing (RUNNER_ENVIRONMENT,
// https://docs.github.com/en/actions/reference/variables-reference#default-environment-variables).
// The import is left to Node (webpackIgnore): the bundle is built separately.
//
// The cache holds code Node deserialises into the process that holds the secrets, so it lives
// only in a directory this user created with mode 0700 under RUNNER_TEMP (private to the job),
// never in the shared system temp directory, where another user could create it first and fill
// it. Without RUNNER_TEMP, or when the directory is not ours alone, the cache stays off.
import { lstatSync, mkdirSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';

const { enableCompileCache } = nodeModule as { enableCompileCache?: (dir?: string) => unknown };

function privateCacheDir(): string | undefined {
  const base = process.env.RUNNER_TEMP;
  if (!base) return undefined;
  const dir = join(base, 'm365-mail-preflight-compile-cache');
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EEXIST') return undefined;
  }
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) return undefined; // a symlink or a file planted there
  const uid = process.getuid?.();
  if (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return undefined;
  return dir;
}

if (process.env.RUNNER_ENVIRONMENT !== 'github-hosted') {
  try {
    const dir = enableCompileCache && privateCacheDir();
    if (dir) enableCompileCache(dir);
  } catch {
    // A cache directory that cannot be written only costs speed.
  }
}
const main = './action/index.js';
await import(/* webpackIgnore: true */ main);
