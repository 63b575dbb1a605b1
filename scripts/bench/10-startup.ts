// Start-up: a token-only run of dist/index.js against the loopback sandbox, as a runner starts
// it, beside `node -e 0` (starting Node at all) and the node:http floor (lib/http-floor.mjs: the
// same token request written by hand, nothing loaded but Node). Node 20 and Node 24, wall and CPU
// (user + system, from wait4), in one interleaved run: each round runs every variant once, so
// machine noise hits them alike. Goals (issue 14): on Node 24 the action within 1.3x the floor;
// on Node 20 at most 100 ms over `node -e 0`. The CLI's --help and --version are timed too (they
// must not load the engine). BENCH_ENTRY=path times another build of the action's entry.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startSandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { runnerEnv } from './lib/action-env.js';
import { measureProcess, rusageAvailable, type ProcessUsage } from './lib/rusage.js';
import type { BenchSection, Figure } from './lib/section.js';
import { median } from './lib/timing.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const entry = resolve(process.env.BENCH_ENTRY ?? 'dist/index.js');
const cli = resolve('dist/cli/index.js');
const floor = resolve('scripts/bench/lib/http-floor.mjs');
const NODE24 = process.env.NODE24_BIN ?? resolve('.tools/node24/bin/node');

type Variant = 'bare' | 'floor' | 'action' | 'help' | 'version';
const LABEL: Record<Variant, string> = {
  bare: 'node -e 0',
  floor: 'node:http floor (one POST, by hand)',
  action: 'token-only action run (dist/index.js)',
  help: 'CLI --help',
  version: 'CLI --version',
};

const section: BenchSection = {
  name: 'start-up: token-only run of dist/index.js vs node -e 0 vs the node:http floor',
  async run() {
    const sandbox = await startSandbox();
    const figures: Figure[] = [];
    try {
      const { env, dir } = runnerEnv(
        sandboxInputs(sandbox, { endpoints: `authority=${sandbox.url}` }),
      );
      const nodes = [
        { name: `Node ${process.versions.node.split('.')[0]}`, path: process.execPath },
        ...(existsSync(NODE24) ? [{ name: 'Node 24', path: NODE24 }] : []),
      ];
      // One untimed run each: fills the OS file cache; its token request is what the floor sends.
      const before = sandbox.requests.length;
      for (const node of nodes) {
        const warm = await measureProcess(node.path, [entry], { env, cwd: dir });
        if (warm.code !== 0)
          throw new Error(`dist/index.js failed:\n${warm.stdout}\n${warm.stderr}`);
      }
      const tokenRequest = sandbox.requests[before]!;
      const floorEnv = {
        ...env,
        FLOOR_URL: `${sandbox.url}${tokenRequest.path}`,
        FLOOR_BODY: tokenRequest.body,
      };
      const args: Record<Variant, { args: string[]; env?: NodeJS.ProcessEnv }> = {
        // Every variant gets the runner's clean environment: this process's own (tsx's
        // NODE_OPTIONS loader) would be paid by each of them.
        bare: { args: ['-e', '0'], env },
        floor: { args: [floor], env: floorEnv },
        action: { args: [entry], env },
        help: { args: [cli, '--help'], env },
        version: { args: [cli, '--version'], env },
      };
      const samples = new Map<string, ProcessUsage[]>();
      for (let i = 0; i < RUNS; i++)
        for (const node of nodes)
          for (const variant of Object.keys(args) as Variant[]) {
            const run = await measureProcess(node.path, args[variant].args, {
              env: args[variant].env,
              cwd: dir,
            });
            if (run.code !== 0 && !(variant === 'version' && process.env.BENCH_BASELINE))
              throw new Error(
                `${LABEL[variant]} failed on ${node.name}:\n${run.stdout}\n${run.stderr}`,
              );
            const key = `${node.name}/${variant}`;
            samples.set(key, [...(samples.get(key) ?? []), run]);
          }
      const med = (node: string, v: Variant, what: 'wall' | 'cpu') =>
        median(samples.get(`${node}/${v}`)!.map((s) => s[what]));
      console.log(
        `median of ${RUNS} interleaved rounds, ms${rusageAvailable ? '' : ' (no python3: CPU not measured)'}`,
      );
      console.log('| Node | what | wall | CPU | wall over node -e 0 | CPU over node -e 0 |');
      console.log('|---|---|---|---|---|---|');
      for (const node of nodes) {
        const bareWall = med(node.name, 'bare', 'wall');
        const bareCpu = med(node.name, 'bare', 'cpu');
        for (const v of Object.keys(args) as Variant[]) {
          const wall = med(node.name, v, 'wall');
          const cpu = med(node.name, v, 'cpu');
          console.log(
            `| ${node.name} | ${LABEL[v]} | ${wall.toFixed(0)} | ${cpu.toFixed(0)} | ${v === 'bare' ? '' : `+${(wall - bareWall).toFixed(0)}`} | ${v === 'bare' ? '' : `+${(cpu - bareCpu).toFixed(0)}`} |`,
          );
        }
        const ratio = med(node.name, 'action', 'wall') / med(node.name, 'floor', 'wall');
        const extra = med(node.name, 'action', 'wall') - bareWall;
        const is24 = node.path === NODE24;
        figures.push(
          {
            label: `${node.name}: token-only run / node:http floor, wall`,
            value: `${ratio.toFixed(2)}x`,
            ...(is24 ? { budget: '≤ 1.3x', ok: ratio <= 1.3 } : {}),
          },
          {
            label: `${node.name}: token-only run over node -e 0, wall`,
            value: `${extra.toFixed(0)} ms`,
            ...(is24 ? {} : { budget: '< 100 ms', ok: extra < 100 }),
          },
          {
            label: `${node.name}: CLI --help over node -e 0, wall`,
            value: `${(med(node.name, 'help', 'wall') - bareWall).toFixed(0)} ms`,
          },
        );
      }
    } finally {
      await sandbox.close();
    }
    return figures;
  },
};
export default section;
