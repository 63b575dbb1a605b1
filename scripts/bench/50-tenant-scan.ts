// Bench section: a tenant scan (secret-expiry-scope: tenant) of 10,000 applications against the
// sandbox, run through dist/index.js exactly as a runner runs it. The sandbox lives in this
// process; the action runs in a child whose peak RSS (getrusage maxrss, read at its exit by a
// preloaded module) is what is reported, so the sandbox's memory is not counted. Smaller and
// larger tenants are scanned too, to show that memory stays flat as the tenant grows.
// Goal for 10,000 apps: scan < 2 s, peak RSS < 150 MB. Alone: npx tsx scripts/bench/50-tenant-scan.ts
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../../sandbox/server.js';
import { grantApplicationReadAll } from '../../sandbox/scenarios.js';
import {
  healthyTenant,
  SANDBOX_CLIENT_ID,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
} from '../../sandbox/tenant.js';
import { runAction } from '../../__tests__/helpers/run-action.js';

/** Tenants to scan: `busy` ones have 42% of apps with a credential within 30 days, `quiet` none,
 * which isolates the paging itself (what is kept grows only with what is found). */
const TENANTS = [
  { apps: 0, busy: true },
  { apps: 1_000, busy: true },
  { apps: 10_000, busy: true },
  { apps: 30_000, busy: true },
  { apps: 10_000, busy: false },
  { apps: 30_000, busy: false },
];
const BUSY = {
  secretDays: [400, 200, 25, 90, 300, -3, 500, 150, 700, 5],
  certificateDays: [null, null, null, 60, null, null, null, 12],
};
const QUIET = { secretDays: [400, 200, 90, 300], certificateDays: [null, 60] };
const GOAL = { apps: 10_000, scanMs: 2_000, rssMb: 150 };

interface Figures {
  apps: number;
  pages: string;
  scanMs: string;
  processMs: number;
  rssMb: number;
  found: number;
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-tenant-scan-'));
  const preload = join(dir, 'maxrss.mjs');
  const rssFile = join(dir, 'maxrss');
  // ru_maxrss of the child itself (kilobytes on Linux), written synchronously as it exits.
  await writeFile(
    preload,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
  );
  console.log(
    '\n## Tenant scan (secret-expiry-scope: tenant) through dist/index.js against the sandbox',
  );
  console.log(
    'tenant  apps      pages  scan ms  process ms  peak RSS MB  credentials within 30 days',
  );
  let goal: Figures | undefined;
  for (const { apps, busy } of TENANTS) {
    const figures = await scan(apps, busy ? BUSY : QUIET, preload, rssFile);
    if (busy && apps === GOAL.apps) goal = figures;
    console.log(
      `${(busy ? 'busy' : 'quiet').padEnd(7)} ${String(figures.apps).padEnd(9)} ${figures.pages.padStart(5)}  ${figures.scanMs.padStart(7)}  ${String(figures.processMs).padStart(10)}  ${figures.rssMb.toFixed(1).padStart(11)}  ${figures.found}`,
    );
  }
  if (!goal) return;
  const ok = Number(goal.scanMs) < GOAL.scanMs && goal.rssMb < GOAL.rssMb;
  console.log(
    `goal for ${GOAL.apps} apps: scan < ${GOAL.scanMs} ms and peak RSS < ${GOAL.rssMb} MB: ${ok ? 'met' : 'MISSED'} (${goal.scanMs} ms, ${goal.rssMb.toFixed(1)} MB)`,
  );
}

async function scan(
  otherApps: number,
  pattern: typeof BUSY | typeof QUIET,
  preload: string,
  rssFile: string,
): Promise<Figures> {
  const tenant = healthyTenant();
  grantApplicationReadAll(tenant);
  tenant.otherApps = { count: otherApps, epochMs: Date.now(), ...pattern };
  const sandbox = await startSandbox({ tenant });
  try {
    const started = performance.now();
    const run = await runAction(
      {
        'tenant-id': SANDBOX_TENANT_ID,
        'client-id': SANDBOX_CLIENT_ID,
        'client-secret': SANDBOX_SECRET,
        checks: 'secret-expiry',
        'secret-expiry-scope': 'tenant',
        endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
      },
      { env: { NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` } },
    );
    const processMs = Math.round(performance.now() - started);
    const checks = (run.report?.checks ?? []) as { title: string; summary: string }[];
    const summary = checks.find((c) => c.title === 'Credential expiry across the tenant')?.summary;
    const m = /^Scanned (\d+) applications \((\d+) pages?, (\d+) ms\)/.exec(summary ?? '');
    if (!m) throw new Error(`the tenant scan did not complete: ${summary ?? run.stdout}`);
    const secrets = (run.report?.secrets ?? []) as unknown[];
    return {
      apps: Number(m[1]),
      pages: m[2]!,
      scanMs: m[3]!,
      processMs,
      rssMb: Number(await readFile(rssFile, 'utf8')) / 1024,
      found: secrets.length - 1,
    };
  } finally {
    await sandbox.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
