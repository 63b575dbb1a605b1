// Critical path of the Graph checks: with the sandbox adding a fixed latency L to every HTTP
// request, a run should take 2 sequential round trips (both tokens at once, then one Graph
// $batch), also with every check on: secret-expiry reuses the same batch and the mailbox probes
// open while the tokens are fetched (the mail servers are local, without added latency).
// Prints (time at L − time at 0) / L, the number of sequential round trips; goal ≤ 2.5.
// A section of `npm run bench`; alone: npx tsx scripts/bench/30-permissions-critical-path.ts
import { pathToFileURL } from 'node:url';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { generateSigningKey, type SigningKey } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { peersUnavailable, startPeers, type RunningPeers } from '../mail-peers/peers.js';
import type { BenchSection, Figure } from './lib/section.js';
import { median } from './lib/timing.js';

const LATENCY_MS = 200;
const RUNS = 7;
const GOAL = 2.5;
const ALL_CHECKS = 'permissions, token, mailbox, secret-expiry';

interface Case {
  grant: 'password' | 'client-credentials';
  checks: string;
  peers?: RunningPeers;
}

async function timeOneRun(sandbox: Sandbox, c: Case): Promise<number> {
  const endpoints = [`authority=${sandbox.url}`, `graph=${sandbox.url}`];
  if (c.peers)
    endpoints.push(
      `imap=${c.peers.imap.host}:${c.peers.imap.port}`,
      `smtp=${c.peers.smtp.host}:${c.peers.smtp.port}`,
    );
  const parsed = parseSettings({
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: c.grant === 'password' ? SANDBOX_PASSWORD : '',
    grant: c.grant,
    checks: c.checks,
    endpoints: endpoints.join('\n'),
  });
  const started = performance.now();
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    registerSecret: () => undefined,
    now: () => new Date(),
    mailCa: c.peers?.ca,
  });
  const elapsed = performance.now() - started;
  if (outcome.report.result !== 'pass')
    throw new Error(`bench run did not pass: ${JSON.stringify(outcome.report.checks)}`);
  return elapsed;
}

async function medianAt(key: SigningKey, latencyMs: number, c: Case): Promise<number> {
  const sandbox = await startSandbox({ key });
  try {
    sandbox.faults.latencyMs = latencyMs;
    await timeOneRun(sandbox, c); // warm-up: JIT, connection setup
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeOneRun(sandbox, c));
    return median(times);
  } finally {
    await sandbox.close();
  }
}

const section: BenchSection = {
  name: 'permissions critical path',
  async run() {
    console.log(
      `(sequential round trips = (time at L - time at 0) / L, L = ${LATENCY_MS} ms, median of ${RUNS})`,
    );
    const key = generateSigningKey('bench-critical-path');
    const cases: Case[] = [
      { grant: 'password', checks: 'permissions, token' },
      { grant: 'client-credentials', checks: 'permissions, token' },
    ];
    const unavailable = peersUnavailable();
    const started: RunningPeers[] = [];
    if (unavailable) console.log(`all-checks runs skipped: ${unavailable}`);
    else {
      const peersFor = async (audience: string) => {
        const peers = await startPeers({
          publicKeyPem: key.publicKeyPem,
          kid: key.kid,
          clientIds: [SANDBOX_CLIENT_ID],
          issuers: [`https://sts.windows.net/${SANDBOX_TENANT_ID}/`],
          audience,
          usernameClaim: 'mailbox',
        });
        started.push(peers);
        return peers;
      };
      cases.push(
        {
          grant: 'password',
          checks: ALL_CHECKS,
          peers: await peersFor('https://outlook.office.com'),
        },
        {
          grant: 'client-credentials',
          checks: ALL_CHECKS,
          peers: await peersFor('https://outlook.office365.com'),
        },
      );
    }
    const figures: Figure[] = [];
    try {
      for (const c of cases) {
        const at0 = await medianAt(key, 0, c);
        const atL = await medianAt(key, LATENCY_MS, c);
        const trips = (atL - at0) / LATENCY_MS;
        figures.push({
          label: `${c.grant}, checks: ${c.checks === ALL_CHECKS ? 'all four' : c.checks} (${at0.toFixed(0)} → ${atL.toFixed(0)} ms)`,
          value: `${trips.toFixed(2)} trips`,
          budget: `≤ ${GOAL}`,
          ok: trips <= GOAL,
        });
      }
    } finally {
      await Promise.all(started.map((p) => p.stop()));
    }
    return figures;
  },
};
export default section;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  for (const f of await section.run())
    console.log(`${f.label}: ${f.value} (budget ${f.budget}) ${f.ok ? 'ok' : 'OVER BUDGET'}`);
