// Round trips of each mailbox probe against real Dovecot (IMAPS, POP3S) and Postfix (SMTP +
// STARTTLS), through a relay that adds a fixed round-trip latency L (lib/latency-relay.ts):
// (median time at L - median time at 0) / L, from opening the probe to its verdict, the token
// already at hand. The TCP handshake to the relay is not delayed, so a real network adds one
// more round trip to each figure. A section of `npm run bench`; alone:
// npx tsx scripts/bench/55-probe-round-trips.ts
// BENCH_PROBES=path/to/src/mailbox/index.ts measures another checkout's probes (before/after).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { CLIENT_ID, delegatedToken, ISSUER, MAILBOX } from '../../__tests__/mailbox/tokens.js';
import { mailPeersUnavailable, startMailPeers } from '../../__tests__/helpers/mail-peers.js';
import { startLatencyRelay } from './lib/latency-relay.js';
import type { BenchSection, Figure } from './lib/section.js';
import { median } from './lib/timing.js';

type Probes = typeof import('../../src/mailbox/index.js');
const PROTOCOLS = ['imap', 'pop', 'smtp'] as const;
const LATENCY_MS = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

async function run(): Promise<Figure[]> {
  const unavailable = mailPeersUnavailable();
  if (unavailable) {
    console.log(`skipped: ${unavailable}`);
    return [];
  }
  const modulePath = resolve(process.env.BENCH_PROBES ?? 'src/mailbox/index.ts');
  const probes = (await import(pathToFileURL(modulePath).href)) as Probes;
  const key = generateSigningKey('bench-probe-kid');
  const peers = await startMailPeers({
    publicKeyPem: key.publicKeyPem,
    kid: key.kid,
    clientIds: [CLIENT_ID],
    issuer: ISSUER,
  });
  if ('skipped' in peers) {
    console.log(`skipped: ${peers.skipped}`);
    return [];
  }
  const token = delegatedToken(key);
  const figures: Figure[] = [];
  try {
    console.log(
      `(round trips = (median at L - median at 0) / L, L = ${LATENCY_MS} ms, ${RUNS} runs each; probes from ${modulePath})`,
    );
    for (const protocol of PROTOCOLS) {
      const relay = await startLatencyRelay(peers[protocol]);
      const once = async () => {
        const options = { timeoutMs: 10_000, ca: peers.ca };
        const endpoint = { host: relay.host, port: relay.port };
        const started = performance.now();
        const probe =
          protocol === 'imap'
            ? probes.openImapProbe(endpoint, options)
            : protocol === 'pop'
              ? probes.openPopProbe(endpoint, options)
              : probes.openSmtpProbe(endpoint, options);
        const outcome = await probe.authenticate(MAILBOX, token);
        if (!outcome.ok) throw new Error(`${protocol} probe failed: ${JSON.stringify(outcome)}`);
        return performance.now() - started;
      };
      const timesAt = async (latency: number) => {
        relay.rttMs = latency;
        await once(); // warm-up: TLS session, server processes
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) times.push(await once());
        return median(times);
      };
      // Interleaved: at 0, at L, at 0 again; the two zero-latency medians are averaged.
      const zeroA = await timesAt(0);
      const atL = await timesAt(LATENCY_MS);
      const zeroB = await timesAt(0);
      const at0 = (zeroA + zeroB) / 2;
      await relay.close();
      figures.push({
        label: `${protocol.toUpperCase()} probe, open to verdict (${at0.toFixed(0)} → ${atL.toFixed(0)} ms)`,
        value: `${((atL - at0) / LATENCY_MS).toFixed(2)} trips`,
      });
    }
  } finally {
    await peers.stop();
  }
  return figures;
}

const section: BenchSection = { name: 'mailbox probe round trips', run };
export default section;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  for (const f of await run()) console.log(`${f.label}: ${f.value}`);
