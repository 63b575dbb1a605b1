// A token-only run of dist/index.js against the loopback sandbox, as a runner starts it, minus
// the cost of starting Node at all (`node -e 0`). Budget (issue 2): ≤ 100 ms more on Node 24,
// median of 5. Both are timed alternately so machine noise hits them alike. dist/index.js turns on
// Node's compile cache, so the cold-cache figure (a fresh runner) is printed as well.
// BENCH_ENTRY=path times another build of the entry, to compare.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { runnerEnv } from './lib/action-env.js';
import type { BenchSection, Figure } from './lib/section.js';
import { median, ms, timeProcess } from './lib/timing.js';

const RUNS = 5;
const entry = resolve(process.env.BENCH_ENTRY ?? 'dist/index.js');
const NODE24 = process.env.NODE24_BIN ?? resolve('.tools/node24/bin/node');

const section: BenchSection = {
  name: 'action start-up: token-only run of dist/index.js against the loopback sandbox',
  async run() {
    const sandbox = await startSandbox();
    const figures: Figure[] = [];
    try {
      const { env, dir } = runnerEnv(
        sandboxInputs(sandbox, { endpoints: `authority=${sandbox.url}` }),
      );
      const nodes: { name: string; path: string; budget?: number }[] = [
        ...(existsSync(NODE24) ? [{ name: 'Node 24', path: NODE24, budget: 100 }] : []),
        { name: `Node ${process.versions.node.split('.')[0]} (this one)`, path: process.execPath },
      ];
      for (const node of nodes) {
        const bare: number[] = [];
        const action: number[] = [];
        const cold: number[] = [];
        // One untimed run first: fills the OS file cache and Node's compile cache.
        await timeProcess(node.path, [entry], {
          env,
          cwd: dir,
        });
        for (let i = 0; i < RUNS; i++) {
          bare.push((await timeProcess(node.path, ['-e', '0'])).ms);
          const run = await timeProcess(node.path, [entry], { env, cwd: dir });
          if (run.code !== 0)
            throw new Error(`dist/index.js failed:\n${run.stdout}\n${run.stderr}`);
          action.push(run.ms);
          // A first run on a fresh machine (a GitHub-hosted runner): an empty compile cache.
          const coldEnv = { ...env, NODE_COMPILE_CACHE: mkdtempSync(join(tmpdir(), 'ncc-')) };
          cold.push((await timeProcess(node.path, [entry], { env: coldEnv, cwd: dir })).ms);
        }
        const extra = median(action) - median(bare);
        figures.push(
          { label: `${node.name}: node -e 0, median of ${RUNS}`, value: ms(median(bare)) },
          {
            label: `${node.name}: token-only action run, median of ${RUNS}`,
            value: ms(median(action)),
          },
          {
            label: `${node.name}: same, empty compile cache (first run on a machine)`,
            value: ms(median(cold)),
          },
          {
            label: `${node.name}: cost of the action over bare Node`,
            value: ms(extra),
            ...(node.budget === undefined
              ? {}
              : { budget: `≤ ${node.budget} ms`, ok: extra <= node.budget }),
          },
        );
      }
      if (!existsSync(NODE24))
        figures.push({ label: 'Node 24: not installed (scripts/install-node24.sh)', value: '-' });
    } finally {
      await sandbox.close();
    }
    return figures;
  },
};
export default section;
