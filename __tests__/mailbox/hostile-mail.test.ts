// Hostile mail servers (issue 11): a flood of short lines, one endless line, an endless SMTP
// continuation. Each connection reads at most MAIL_LIMITS, keeps a bounded transcript, and the
// probe fails with a reason that says what the server did.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { openImapProbe } from '../../src/mailbox/imap-probe.js';
import { MAIL_LIMITS } from '../../src/mailbox/line-connection.js';
import { openPopProbe } from '../../src/mailbox/pop-probe.js';
import { openSmtpProbe } from '../../src/mailbox/smtp-probe.js';
import { selfSignedCert, startFakeServer, type FakeServer, type Session } from './fake-server.js';
import { MAILBOX } from './tokens.js';

const TOKEN = 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2lnbmF0dXJlLXNlY3JldA';
let cert: { key: string; cert: string };
const servers: FakeServer[] = [];
beforeAll(() => {
  cert = selfSignedCert();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** Sends `line` again and again until the client hangs up; returns how many were sent. */
function floodLines(server: FakeServer, session: Session, line: string, perBatch = 2000) {
  const state = { closed: false, sent: 0 };
  server.onClose(() => (state.closed = true));
  const batch = `${line}\r\n`.repeat(perBatch - 1) + line;
  const pump = () => {
    if (state.closed || state.sent > 50_000_000) return;
    session.send(batch);
    state.sent += perBatch;
    setImmediate(pump);
  };
  pump();
  return state;
}

async function serve(options: Parameters<typeof startFakeServer>[0]) {
  const server = await startFakeServer(options);
  servers.push(server);
  return server;
}

describe('mail servers that flood', () => {
  it('IMAP: short untagged lines without end after CAPABILITY are cut off at the line cap', async () => {
    let flood: { closed: boolean; sent: number } | undefined;
    const server: FakeServer = await serve({
      tls: cert,
      greeting: '* OK ready',
      onLine: (line, s) => {
        if (line === 'a0 CAPABILITY') flood = floodLines(server, s, '* FLOOD');
      },
    });
    const probe = openImapProbe(server.endpoint, { timeoutMs: 10_000, ca: cert.cert });
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `127.0.0.1:${server.endpoint.port} sent more than ${MAIL_LIMITS.linesRead} lines; no mail server needs that many to answer these commands`,
    );
    // The transcript keeps the first lines and counts the rest on one line.
    expect(outcome.transcript.length).toBeLessThanOrEqual(MAIL_LIMITS.transcriptLines + 3);
    expect(outcome.transcript.at(-1)?.text).toMatch(/^… \d+ more lines from the server, not kept$/);
    expect(flood?.sent).toBeGreaterThan(MAIL_LIMITS.linesRead);
  });

  it('IMAP: one line that never ends is cut off at the line-length cap', async () => {
    const server: FakeServer = await serve({
      tls: cert,
      greeting: `* OK ${'A'.repeat(64 * 1024)}`,
    });
    const outcome = await openImapProbe(server.endpoint, {
      timeoutMs: 10_000,
      ca: cert.cert,
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome.error).toBe(
      `a reply line from 127.0.0.1:${server.endpoint.port} exceeds ${MAIL_LIMITS.lineBytes / 1024} KiB`,
    );
    expect(JSON.stringify(outcome.transcript).length).toBeLessThan(1024);
  });

  it('POP: a flood while the probe waits for its token stops at the byte cap', async () => {
    // The greeting and then lines nobody reads yet: the probe is idle until it has a token.
    const server: FakeServer = await serve({
      tls: cert,
      greeting: '+OK ready',
      onSession: (s) => floodLines(server, s, `+OK ${'y'.repeat(4000)}`, 50),
    });
    const closed = new Promise<void>((done) => server.onClose(done));
    const probe = openPopProbe(server.endpoint, { timeoutMs: 10_000, ca: cert.cert });
    await closed; // the client hung up on the flood by itself, before any token existed
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toBe(
      `127.0.0.1:${server.endpoint.port} sent more than ${MAIL_LIMITS.bytesRead / 1024} KiB; no mail server needs that much to answer these commands`,
    );
    expect(JSON.stringify(outcome.transcript).length).toBeLessThan(
      (MAIL_LIMITS.transcriptLines + 5) * 4100,
    );
    expect(server.received).toEqual([]); // nothing was sent, the token least of all
  });

  it('SMTP: a multi-line reply that never ends (250-...) is cut off', async () => {
    const server: FakeServer = await serve({
      greeting: '220 ready',
      onLine: (line, s) => {
        if (line.startsWith('EHLO')) floodLines(server, s, '250-FLOOD');
      },
    });
    const outcome = await openSmtpProbe(server.endpoint, { timeoutMs: 10_000 }).authenticate(
      MAILBOX,
      TOKEN,
    );
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain(`sent more than ${MAIL_LIMITS.linesRead} lines`);
    expect(server.received.some((l) => l.includes(TOKEN))).toBe(false);
  });
});
