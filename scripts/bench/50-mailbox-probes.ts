// Wall time of a run with every check (token, permissions, secret expiry, IMAP + SMTP probes)
// against the sandbox tenant and real Dovecot + Postfix, and how much the probes add beyond the
// token fetch. Probes open TCP + TLS (+ STARTTLS) while the token is being fetched, so with a slow
// token endpoint their cost should mostly hide behind it: measured at 0 and at 150 ms latency.
// A section of `npm run bench`; alone: npx tsx scripts/bench/50-mailbox-probes.ts
import { pathToFileURL } from 'node:url';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { generateSigningKey } from '../../sandbox/jwt.js';
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

const RUNS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timeRun(sandbox: Sandbox, peers: RunningPeers, checks: string): Promise<number> {
  const parsed = parseSettings({
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
    checks,
    endpoints: [
      `authority=${sandbox.url}`,
      `graph=${sandbox.url}`,
      `imap=${peers.imap.host}:${peers.imap.port}`,
      `smtp=${peers.smtp.host}:${peers.smtp.port}`,
    ].join('\n'),
  });
  const started = performance.now();
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    registerSecret: () => undefined,
    now: () => new Date(),
    mailCa: peers.ca,
  });
  const elapsed = performance.now() - started;
  if (outcome.report.result === 'fail') {
    throw new Error(`bench run failed: ${JSON.stringify(outcome.report.checks)}`);
  }
  return elapsed;
}

async function medianOf(sandbox: Sandbox, peers: RunningPeers, checks: string): Promise<number> {
  await timeRun(sandbox, peers, checks); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await timeRun(sandbox, peers, checks));
  return median(times);
}

async function run(): Promise<Figure[]> {
  console.log('(what IMAP + SMTP logins add to a run)');
  const unavailable = peersUnavailable();
  if (unavailable) {
    console.log(`skipped: ${unavailable}`);
    return [];
  }
  const key = generateSigningKey('bench-kid');
  const peers = await startPeers({
    publicKeyPem: key.publicKeyPem,
    kid: key.kid,
    clientIds: [SANDBOX_CLIENT_ID],
    issuers: [`https://sts.windows.net/${SANDBOX_TENANT_ID}/`],
    audience: 'https://outlook.office.com',
    usernameClaim: 'mailbox',
  });
  console.log(`mail servers (Dovecot + Postfix) started in ${peers.startupMs.toFixed(0)} ms`);
  const sandbox = await startSandbox({ key });
  const figures: Figure[] = [];
  try {
    const rows: string[][] = [];
    for (const latency of [0, 150]) {
      sandbox.faults.latencyMs = latency;
      const token = await medianOf(sandbox, peers, 'token');
      const tokenAndMail = await medianOf(sandbox, peers, 'token, mailbox');
      const all = await medianOf(sandbox, peers, 'permissions, token, mailbox, secret-expiry');
      figures.push(
        { label: `all checks, sandbox latency ${latency} ms`, value: `${all.toFixed(1)} ms` },
        {
          label: `probes add beyond the token fetch, latency ${latency} ms`,
          value: `${(tokenAndMail - token).toFixed(1)} ms`,
        },
      );
      rows.push([
        `${latency} ms`,
        token.toFixed(1),
        tokenAndMail.toFixed(1),
        (tokenAndMail - token).toFixed(1),
        all.toFixed(1),
      ]);
    }
    console.log(`median of ${RUNS} in-process engine runs, milliseconds:`);
    console.log('| sandbox latency | token only | token + probes | probes add | all checks |');
    console.log('|---|---|---|---|---|');
    for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  } finally {
    await sandbox.close();
    await peers.stop();
  }
  return figures;
}

const section: BenchSection = { name: 'mailbox probes', run };
export default section;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
