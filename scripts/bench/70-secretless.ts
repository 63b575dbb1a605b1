// Signing in without a client secret (issue 9). With the sandbox adding a fixed latency L to every
// HTTP request (the GitHub OIDC endpoint included), a federated run may take at most one round
// trip more than a secret run: the OIDC fetches of the mail and Graph tokens run in parallel, each
// just before its own token request. A certificate signs locally: no extra round trip.
// Then start-up: a token-only secret run of this dist/index.js against main's (BENCH_MAIN_ENTRY,
// default ../main/dist/index.js): the certificate and doctor code are chunks it never loads.
// A section of `npm run bench`; alone: npx tsx scripts/bench/70-secretless.ts
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import type { FederationEnv } from '../../src/settings/client-auth.js';
import { generateSigningKey, type SigningKey } from '../../sandbox/jwt.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  healthyTenant,
  registerCertificate,
  SANDBOX_CLIENT_ID,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { makeCertificate } from '../../sandbox/x509.js';
import { runnerEnv } from './lib/action-env.js';
import type { BenchSection, Figure } from './lib/section.js';
import { median, ms, timeProcess } from './lib/timing.js';

const LATENCY_MS = 200;
const RUNS = 7;
const STARTUP_RUNS = 7;
const certificate = makeCertificate();

type Kind = 'secret' | 'certificate' | 'federated';

async function timeOneRun(sandbox: Sandbox, kind: Kind): Promise<number> {
  const federation: FederationEnv = {
    oidc:
      kind === 'federated'
        ? {
            kind: 'available',
            requestUrl: sandbox.github.requestUrl,
            requestToken: sandbox.github.requestToken,
          }
        : { kind: 'no-permission' },
  };
  const parsed = parseSettings(
    {
      'tenant-id': SANDBOX_TENANT_ID,
      'client-id': SANDBOX_CLIENT_ID,
      'client-secret': kind === 'secret' ? SANDBOX_SECRET : '',
      'client-certificate': kind === 'certificate' ? certificate.pem : '',
      username: SANDBOX_USER,
      grant: 'client-credentials',
      checks: 'permissions, token, secret-expiry',
      endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
    },
    federation,
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

async function medianAt(key: SigningKey, latencyMs: number, kind: Kind): Promise<number> {
  const tenant = healthyTenant();
  registerCertificate(tenant, certificate);
  const sandbox = await startSandbox({ key, tenant });
  try {
    sandbox.faults.latencyMs = latencyMs;
    await timeOneRun(sandbox, kind); // warm-up: JIT, connection setup, lazy chunks
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeOneRun(sandbox, kind));
    return median(times);
  } finally {
    await sandbox.close();
  }
}

/** Median run time of each entry, timed alternately so machine noise hits them alike. */
async function startupMedians(entries: string[]): Promise<number[]> {
  const sandbox = await startSandbox();
  try {
    const { env, dir } = runnerEnv(
      sandboxInputs(sandbox, { endpoints: `authority=${sandbox.url}` }),
    );
    const times = entries.map(() => [] as number[]);
    for (const entry of entries) await timeProcess(process.execPath, [entry], { env, cwd: dir });
    for (let i = 0; i < STARTUP_RUNS; i++)
      for (const [n, entry] of entries.entries()) {
        const run = await timeProcess(process.execPath, [entry], { env, cwd: dir });
        if (run.code !== 0) throw new Error(`${entry} failed:\n${run.stdout}\n${run.stderr}`);
        times[n]!.push(run.ms);
      }
    return times.map(median);
  } finally {
    await sandbox.close();
  }
}

const section: BenchSection = {
  name: 'secretless sign-in: round trips and start-up',
  async run() {
    console.log(
      `(sequential round trips = (time at L - time at 0) / L, L = ${LATENCY_MS} ms, median of ${RUNS}; checks: permissions, token, secret-expiry)`,
    );
    const key = generateSigningKey('bench-secretless');
    const trips: Partial<Record<Kind, number>> = {};
    const figures: Figure[] = [];
    for (const kind of ['secret', 'certificate', 'federated'] as const) {
      const at0 = await medianAt(key, 0, kind);
      const atL = await medianAt(key, LATENCY_MS, kind);
      trips[kind] = (atL - at0) / LATENCY_MS;
      figures.push({
        label: `client-credentials, ${kind} (${at0.toFixed(0)} → ${atL.toFixed(0)} ms)`,
        value: `${trips[kind].toFixed(2)} trips`,
      });
    }
    // Goals as the critical-path section states them: a secret run takes 2 trips (tokens, then the
    // Graph $batch), within 2.5; federation one more (the OIDC fetch), within 3.5.
    for (const [kind, goal] of [
      ['certificate', 2.5],
      ['federated', 3.5],
    ] as const) {
      figures.push({
        label: `${kind}: round trips more than a secret run`,
        value: (trips[kind]! - trips.secret!).toFixed(2),
      });
      figures.push({
        label: `${kind}: sequential round trips`,
        value: trips[kind]!.toFixed(2),
        budget: `≤ ${goal}`,
        ok: trips[kind]! <= goal,
      });
    }
    const mainEntry = resolve(process.env.BENCH_MAIN_ENTRY ?? '../main/dist/index.js');
    const entries = [resolve('dist/index.js'), ...(existsSync(mainEntry) ? [mainEntry] : [])];
    const [here, before] = await startupMedians(entries);
    figures.push({
      label: `secret-only token run of dist/index.js, median of ${STARTUP_RUNS}`,
      value: ms(here!),
    });
    if (before !== undefined)
      figures.push(
        { label: `same, main's dist/ (${mainEntry}), timed alternately`, value: ms(before) },
        { label: 'difference', value: ms(here! - before) },
      );
    return figures;
  },
};
export default section;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  for (const f of await section.run())
    console.log(
      `${f.label}: ${f.value}${f.budget ? ` (budget ${f.budget}) ${f.ok ? 'ok' : 'OVER BUDGET'}` : ''}`,
    );
