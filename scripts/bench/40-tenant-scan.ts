// Bench section: the tenant scan (secret-expiry-scope: tenant) through dist/index.js exactly as a
// runner runs it, beside a hand-written pager (lib/tenant-pager.mjs: fetch + JSON.parse, the
// in-window credentials kept and written as JSON) against the same sandbox tenant, one after the
// other for each size. 40 % of the credentials are within the 30-day window (4 of 10 secrets, 2 of
// 5 certificates). Wall and CPU time and peak RSS of each child process (wait4), so the sandbox
// in this process is not counted. Goals (issue 14): 100,000 apps in under 5 s of scan and under
// 150 MB; at a million apps (BENCH_TENANT_MAX=1000000: 999,000, the most the scan reads) peak RSS
// within 20 % of the pager's.
// BENCH_TENANT_MIN leaves out the smaller sizes.
//
// Figures (Node 24, 2 shared cores, load average 1-2, 2026-11-30), before: the findings held as
// objects until the report, in process: 10k 91 MB, 100k 183 MB, 300k 343 MB (about 0.8 kB more
// per app; the pager 104 / 190 / 377 MB). After: the findings in credentials/secret-log.ts's
// file, the action in a worker with an 8 MB semi-space and a 1 GB old generation (src/index.ts):
// 10k 105 MB, 100k 116 MB, 300k 132 MB, 999k 152 MB (the pager 669 MB). The worker's second
// isolate costs about 15 MB at 10k; CPU at 100k is about 1.7 s instead of 1.3 s (the findings
// written and read back, more frequent collections).
// A section of `npm run bench`; alone: npx tsx scripts/bench/40-tenant-scan.ts
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../../sandbox/server.js';
import { grantApplicationReadAll } from '../../sandbox/scenarios.js';
import {
  healthyTenant,
  SANDBOX_CLIENT_ID,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
} from '../../sandbox/tenant.js';
import { MAX_TENANT_PAGES, TENANT_PAGE_SIZE } from '../../src/credentials/tenant-apps.js';
import { runnerEnv } from './lib/action-env.js';
import { measureProcess, type ProcessUsage } from './lib/rusage.js';
import type { BenchSection, Figure } from './lib/section.js';

/** "1M": the largest tenant the scan reads, 1000 pages of 999 (MAX_TENANT_PAGES). */
const MILLION = MAX_TENANT_PAGES * TENANT_PAGE_SIZE;
const SIZES = [10_000, 100_000, 300_000, MILLION].filter(
  (n) =>
    n <= Number(process.env.BENCH_TENANT_MAX ?? 300_000) &&
    n >= Number(process.env.BENCH_TENANT_MIN ?? 0),
);
/** 4 of 10 secrets and 2 of 5 certificates within 30 days (expired ones count): 40 %. */
const PATTERN = {
  secretDays: [25, 400, -3, 200, 5, 90, 12, 300, 500, 150],
  certificateDays: [null, 10, null, 90, null, 200, null, -7, null, 45],
};
const WINDOW_DAYS = 30;
const GOAL = { apps: 100_000, scanMs: 5_000, rssMb: 150, millionRatio: 1.2 };
const NODE24 = process.env.NODE24_BIN ?? resolve('.tools/node24/bin/node');
const node = existsSync(NODE24) ? NODE24 : process.execPath;
const entry = resolve(process.env.BENCH_ENTRY ?? 'dist/index.js');
const pager = resolve('scripts/bench/lib/tenant-pager.mjs');

interface Row {
  apps: number;
  found: number;
  scanMs: number;
  action: ProcessUsage;
  pager: ProcessUsage;
}

/** Values from the runner's output file (name<<delimiter … delimiter). */
function outputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

async function scan(apps: number): Promise<Row> {
  const tenant = healthyTenant();
  grantApplicationReadAll(tenant);
  tenant.otherApps = { count: apps - 1, epochMs: Date.now(), ...PATTERN };
  const sandbox = await startSandbox({ tenant });
  try {
    const { env, dir } = runnerEnv({
      'tenant-id': SANDBOX_TENANT_ID,
      'client-id': SANDBOX_CLIENT_ID,
      'client-secret': SANDBOX_SECRET,
      username: '',
      password: '',
      checks: 'secret-expiry',
      'secret-expiry-scope': 'tenant',
      'secret-expiry-warning-days': String(WINDOW_DAYS),
      endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
    });
    // The pager first, with a token fetched here, then the action.
    const tokenAnswer = await fetch(`${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: SANDBOX_CLIENT_ID,
        client_secret: SANDBOX_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const { access_token: token } = (await tokenAnswer.json()) as { access_token: string };
    const pagerRun = await measureProcess(node, [pager], {
      env: {
        PATH: process.env.PATH,
        PAGER_URL: `${sandbox.url}/v1.0/applications?$select=id,appId,displayName,passwordCredentials,keyCredentials&$top=999`,
        PAGER_TOKEN: token,
        PAGER_DAYS: String(WINDOW_DAYS),
        PAGER_OUT: join(mkdtempSync(join(tmpdir(), 'bench-pager-')), 'found.json'),
      },
    });
    if (pagerRun.code !== 0) throw new Error(`the pager failed: ${pagerRun.stderr}`);
    const actionRun = await measureProcess(node, [entry], { env, cwd: dir });
    const reportPath = outputs(env.GITHUB_OUTPUT!)['report-path'];
    const report = reportPath
      ? (JSON.parse(readFileSync(reportPath, 'utf8')) as {
          checks: { title: string; summary: string }[];
          secrets: unknown[];
        })
      : undefined;
    const summary = report?.checks.find(
      (c) => c.title === 'Credential expiry across the tenant',
    )?.summary;
    const m = /^Scanned (\d+) applications \(\d+ pages?, (\d+) ms\)/.exec(summary ?? '');
    if (!m)
      throw new Error(
        `the tenant scan did not complete: ${summary ?? actionRun.stdout.slice(-2000)}`,
      );
    return {
      apps: Number(m[1]),
      found: report!.secrets.length - 1,
      scanMs: Number(m[2]),
      action: actionRun,
      pager: pagerRun,
    };
  } finally {
    await sandbox.close();
  }
}

async function run(): Promise<Figure[]> {
  console.log(
    `tenant scan (secret-expiry-scope: tenant) through dist/index.js on ${node === NODE24 ? 'Node 24' : `Node ${process.versions.node}`}, beside a hand-written pager (fetch + JSON.parse)`,
  );
  console.log(
    '| apps | in window | scan ms | action wall / CPU ms | action peak RSS MB | pager wall / CPU ms | pager peak RSS MB | RSS action / pager |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  const rows: Row[] = [];
  for (const apps of SIZES) {
    const row = await scan(apps);
    rows.push(row);
    console.log(
      `| ${row.apps} | ${row.found} | ${row.scanMs} | ${row.action.wall.toFixed(0)} / ${row.action.cpu.toFixed(0)} | ${row.action.rssMb.toFixed(0)} | ${row.pager.wall.toFixed(0)} / ${row.pager.cpu.toFixed(0)} | ${row.pager.rssMb.toFixed(0)} | ${(row.action.rssMb / row.pager.rssMb).toFixed(2)} |`,
    );
  }
  const figures: Figure[] = [];
  const goal = rows.find((r) => r.apps === GOAL.apps);
  if (goal)
    figures.push(
      {
        label: `tenant scan of ${GOAL.apps} apps: scan time`,
        value: `${goal.scanMs} ms`,
        budget: `< ${GOAL.scanMs} ms`,
        ok: goal.scanMs < GOAL.scanMs,
      },
      {
        label: `tenant scan of ${GOAL.apps} apps: peak RSS of the action process`,
        value: `${goal.action.rssMb.toFixed(0)} MB`,
        budget: `< ${GOAL.rssMb} MB`,
        ok: goal.action.rssMb < GOAL.rssMb,
      },
    );
  for (const row of rows.filter((r) => r.apps >= 300_000)) {
    const ratio = row.action.rssMb / row.pager.rssMb;
    figures.push({
      label: `tenant scan of ${row.apps} apps: peak RSS, action / hand-written pager`,
      value: `${ratio.toFixed(2)}x`,
      ...(row.apps >= MILLION
        ? { budget: `≤ ${GOAL.millionRatio}x`, ok: ratio <= GOAL.millionRatio }
        : {}),
    });
  }
  return figures;
}

const section: BenchSection = { name: 'tenant scan', run };
export default section;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  for (const f of await run())
    console.log(`${f.label}: ${f.value}${f.budget ? ` (budget ${f.budget})` : ''}`);
