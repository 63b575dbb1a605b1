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
// The one input read before the settings module (which validates it, and every other, in the
// worker or here): which isolate to run in must be known before the action is loaded.
if (process.env['INPUT_SECRET-EXPIRY-SCOPE']?.trim() === 'tenant') await inWorker(main);
else await import(/* webpackIgnore: true */ main);

/**
 * A tenant scan runs the action in a worker thread with its own heap limits. Reading page after
 * page, V8 grows an isolate's young generation to its largest (16 MB semi-spaces on Node 24) and
 * lets the old generation grow to about four times what is live before it collects: about 150 MB
 * of peak RSS at 100,000 apps. With an 8 MB semi-space and a 1 GB old generation (V8 then grows
 * it by a smaller factor) the same scan peaks near 120 MB (scripts/bench/40-tenant-scan.ts). V8
 * sizes both when an isolate is created: an action cannot pass `--max-semi-space-size` to its
 * node, and v8.setFlagsFromString() afterwards changes nothing (measured on Node 20 and 24), but a
 * worker is an isolate created with the limits given here. What the scan keeps is flat in the
 * size of the tenant (credentials/secret-log.ts), far under 1 GB. Starting a worker costs a few
 * ms, so only here.
 */
async function inWorker(entry: string): Promise<void> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL(entry, import.meta.url), {
    // The young generation is three semi-spaces.
    resourceLimits: { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 1024 },
  });
  await new Promise<void>((resolve) => {
    // The action catches its own failures; this is the worker itself failing (out of memory).
    // Written here by hand, escaped as the runner reads it: this loader imports nothing of the
    // action (action/ already imports from the root: a folder cycle), and the text is Node's.
    worker.on('error', (error) => {
      const text = `m365-mail-preflight failed unexpectedly: ${error.message}`;
      process.stdout.write(
        `::error::${text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`,
      );
      process.exitCode = 1;
    });
    // The worker's exit code is the action's (process.exitCode set there).
    worker.on('exit', (code) => {
      if (code) process.exitCode = code;
      resolve();
    });
  });
}
