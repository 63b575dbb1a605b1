// The probes open their connections (TCP, TLS, greeting, CAPABILITY; SMTP greeting, EHLO,
// STARTTLS, EHLO again) while the token is being fetched, proven by the order of events, not by
// timings: a gate in front of the sandbox holds the token answer until both mail servers have
// seen everything a probe can do without a token. A run that opened its connections only after
// the token arrived would never get past the gate (its safety valve then records a give-up, and
// the test fails).
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { selfSignedCert, startFakeServer, type FakeServer } from './fake-server.js';

const events: string[] = [];
let sandbox: Sandbox;
let gate: Server;
let gateUrl: string;
let imap: FakeServer;
let smtp: FakeServer;
let cert: { key: string; cert: string };

/** What each server must have seen before the token may be answered. */
const OPENED = { imap: false, smtp: false };
let heldToken: (() => void) | undefined;
const releaseWhenOpened = () => {
  if (!heldToken || !OPENED.imap || !OPENED.smtp) return;
  const go = heldToken;
  heldToken = undefined;
  go();
};

beforeAll(async () => {
  cert = selfSignedCert();
  sandbox = await startSandbox();
  imap = await startFakeServer({
    tls: cert,
    // No capabilities in the greeting: the probe asks for them before it has a token.
    greeting: '* OK The Microsoft Exchange IMAP4 service is ready.',
    onLine: (line, s) => {
      events.push(`imap ${line.split(' ').slice(1, 3).join(' ')}`);
      if (line === 'a0 CAPABILITY') {
        s.send('* CAPABILITY IMAP4rev1 AUTH=XOAUTH2 SASL-IR');
        s.send('a0 OK CAPABILITY completed.');
        OPENED.imap = true;
        releaseWhenOpened();
      } else if (line.startsWith('a1 AUTHENTICATE XOAUTH2 '))
        s.send('a1 OK AUTHENTICATE completed.');
      else if (line === 'a2 SELECT INBOX') s.send('a2 OK [READ-WRITE] SELECT completed.');
      else if (line === 'a3 LOGOUT') s.send('a3 OK LOGOUT completed.');
    },
  });
  let secure = false;
  smtp = await startFakeServer({
    tls: cert,
    plainFirst: true,
    greeting: '220 outlook.office365.com Microsoft ESMTP MAIL Service ready',
    onLine: (line, s) => {
      events.push(`smtp ${line.split(' ').slice(0, 2).join(' ')}${secure ? ' (tls)' : ''}`);
      if (line.startsWith('EHLO ')) {
        s.send('250-outlook.office365.com Hello');
        s.send(secure ? '250 AUTH LOGIN XOAUTH2' : '250 STARTTLS');
        if (secure) {
          OPENED.smtp = true;
          releaseWhenOpened();
        }
      } else if (line === 'STARTTLS') {
        s.send('220 2.0.0 SMTP server ready');
        s.startTls();
        secure = true;
      } else if (line.startsWith('AUTH XOAUTH2 ')) s.send('235 2.7.0 Authentication successful');
      else if (line === 'QUIT') s.send('221 2.0.0 Service closing transmission channel');
    },
  });
  gate = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      events.push('token arrive');
      const forward = async () => {
        const answer = await fetch(`${sandbox.url}${path}`, {
          method: req.method,
          headers: { 'content-type': req.headers['content-type'] ?? '' },
          body: Buffer.concat(chunks),
        });
        const text = await answer.text();
        events.push('token answer');
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' });
        res.end(text);
      };
      heldToken = () => void forward();
      releaseWhenOpened();
      // Safety valve only (the test fails if it fires): never leave the client hanging.
      setTimeout(() => {
        if (!heldToken) return;
        events.push('gate gave up');
        const go = heldToken;
        heldToken = undefined;
        go();
      }, 3000).unref();
    });
  });
  await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
  gateUrl = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
});

afterAll(async () => {
  gate.closeAllConnections();
  await new Promise<void>((resolve) => gate.close(() => resolve()));
  await Promise.all([sandbox.close(), imap.close(), smtp.close()]);
});

it('IMAP and SMTP connections are open before the token arrives; logins follow it', async () => {
  const parsed = parseSettings({
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
    // The mailbox check alone: nothing else starts the token request for it.
    checks: 'mailbox',
    endpoints: [
      `authority=${gateUrl}`,
      `imap=${imap.endpoint.host}:${imap.endpoint.port}`,
      `smtp=${smtp.endpoint.host}:${smtp.endpoint.port}`,
    ].join('\n'),
  });
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    registerSecret: () => undefined,
    now: () => new Date(),
    mailCa: cert.cert,
  });
  expect(outcome.report.checks.map((c) => [c.id, c.status])).toEqual([
    ['inputs', 'pass'],
    ['mailbox-imap', 'pass'],
    ['mailbox-smtp', 'pass'],
  ]);
  expect(events).not.toContain('gate gave up');
  const at = (event: string) => {
    const i = events.indexOf(event);
    if (i < 0) throw new Error(`no '${event}' in ${JSON.stringify(events)}`);
    return i;
  };
  const answered = at('token answer');
  // Everything that needs no token happened before the token was answered...
  for (const before of [
    'token arrive',
    'imap CAPABILITY',
    'smtp STARTTLS',
    'smtp EHLO [127.0.0.1] (tls)',
  ])
    expect(at(before)).toBeLessThan(answered);
  // ...and the logins after it.
  for (const after of ['imap AUTHENTICATE XOAUTH2', 'smtp AUTH XOAUTH2 (tls)'])
    expect(at(after)).toBeGreaterThan(answered);
});
