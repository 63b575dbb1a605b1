// Critical path of `checks: permissions, token`: with the sandbox adding a fixed latency L to every
// HTTP request, the run should take 2 sequential round trips (both tokens at once, then one Graph
// $batch). Prints (time at L − time at 0) / L, the number of sequential round trips; goal ≤ 2.5.
// Runs as a section of `npm run bench`, or alone: npx tsx scripts/bench/30-permissions-critical-path.ts
import { pathToFileURL } from 'node:url';
import { runPreflight } from '../../src/engine/run-preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';

const LATENCY_MS = 200;
const RUNS = 7;
const GOAL = 2.5;

async function timeOneRun(sandbox: Sandbox, grant: string): Promise<number> {
  const parsed = parseSettings(
    sandboxInputs(sandbox, {
      ...(grant === 'password' ? {} : { password: '' }),
      grant,
      checks: 'permissions, token',
    }),
  );
  const started = performance.now();
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    registerSecret: () => undefined,
    now: () => new Date(),
  });
  const elapsed = performance.now() - started;
  if (outcome.report.result !== 'pass')
    throw new Error(`bench run did not pass: ${JSON.stringify(outcome.report.checks)}`);
  return elapsed;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function medianAt(latencyMs: number, grant: string): Promise<number> {
  const sandbox = await startSandbox();
  try {
    sandbox.faults.latencyMs = latencyMs;
    await timeOneRun(sandbox, grant); // warm-up: JIT, connection setup
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeOneRun(sandbox, grant));
    return median(times);
  } finally {
    await sandbox.close();
  }
}

export async function run(): Promise<void> {
  console.log(
    `\n## permissions critical path (checks: permissions, token; L = ${LATENCY_MS} ms, median of ${RUNS})`,
  );
  let worst = 0;
  for (const grant of ['password', 'client-credentials']) {
    const at0 = await medianAt(0, grant);
    const atL = await medianAt(LATENCY_MS, grant);
    const trips = (atL - at0) / LATENCY_MS;
    worst = Math.max(worst, trips);
    console.log(
      `  grant ${grant.padEnd(18)} at 0: ${at0.toFixed(1)} ms  at L: ${atL.toFixed(1)} ms  ` +
        `sequential round trips: ${trips.toFixed(2)} (goal ≤ ${GOAL})`,
    );
  }
  console.log(`  ${worst <= GOAL ? 'OK' : 'OVER GOAL'}: worst ${worst.toFixed(2)} round trips`);
  if (worst > GOAL) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
