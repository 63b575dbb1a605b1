// Wall time of a run with every check (token, permissions, secret expiry, IMAP + SMTP probes)
// against the sandbox tenant and real Dovecot + Postfix, and how much the probes add beyond the
// token fetch. Probes open TCP + TLS (+ STARTTLS) while the token is being fetched, so with a slow
// token endpoint their cost should mostly hide behind it: measured at 0 and at 150 ms latency.
// Alone: npm run bench -- probes
import { runPreflight } from '../../src/engine/run-preflight.js';
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
import { ms } from './lib/timing.js';

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

const section: BenchSection = {
  name: 'mailbox probes: a run with every check against the sandbox and Dovecot + Postfix',
  async run() {
    const unavailable = peersUnavailable();
    if (unavailable) return [{ label: `skipped: ${unavailable}`, value: '-' }];
    const key = generateSigningKey('bench-kid');
    const peers = await startPeers({
      publicKeyPem: key.publicKeyPem,
      kid: key.kid,
      clientIds: [SANDBOX_CLIENT_ID],
      issuers: [`https://sts.windows.net/${SANDBOX_TENANT_ID}/`],
      audience: 'https://outlook.office.com',
      usernameClaim: 'mailbox',
    });
    const figures: Figure[] = [
      { label: 'mail servers (Dovecot + Postfix) started in', value: ms(peers.startupMs) },
    ];
    const sandbox = await startSandbox({ key });
    try {
      for (const latency of [0, 150]) {
        sandbox.faults.latencyMs = latency;
        const token = await medianOf(sandbox, peers, 'token');
        const tokenAndMail = await medianOf(sandbox, peers, 'token, mailbox');
        const all = await medianOf(sandbox, peers, 'permissions, token, mailbox, secret-expiry');
        const at = `latency ${latency} ms, median of ${RUNS}`;
        figures.push(
          { label: `${at}: token only`, value: ms(token) },
          { label: `${at}: token + IMAP and SMTP probes`, value: ms(tokenAndMail) },
          { label: `${at}: what the probes add`, value: ms(tokenAndMail - token) },
          { label: `${at}: all checks`, value: ms(all) },
        );
      }
    } finally {
      await sandbox.close();
      await peers.stop();
    }
    return figures;
  },
};
export default section;
