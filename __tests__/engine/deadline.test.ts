// timeout-seconds bounds the whole run, whatever hangs: Graph, the token endpoint for one of the
// two tokens, or mail servers that accept the connection and never speak. Each result that was
// cut short says it was the run's deadline, and the results that did not need the hung part keep
// their own verdict.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import type { CheckResult } from '../../src/engine/types.js';
import { runEngine } from '../helpers/engine-run.js';

const TIMEOUT_SECONDS = 2;
/** Room for start-up and the final report after the deadline; a hang alone would take 30 s. */
const SLACK_MS = 1500;

let sandbox: Sandbox;
let silent: Server;
const sockets: Socket[] = [];

beforeEach(async () => {
  sandbox = await startSandbox();
  // Accepts every connection and never says a word: no greeting, no TLS handshake.
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await new Promise((done) => silent.close(done));
  await sandbox.close();
});

async function runAllChecks(scope: 'self' | 'tenant') {
  const port = (silent.address() as { port: number }).port;
  const started = performance.now();
  const run = await runEngine(sandbox, {
    checks: 'permissions, token, mailbox, secret-expiry',
    'secret-expiry-scope': scope,
    'timeout-seconds': String(TIMEOUT_SECONDS),
    endpoints: [
      `authority=${sandbox.url}`,
      `graph=${sandbox.url}`,
      `imap=127.0.0.1:${port}`,
      `smtp=127.0.0.1:${port}`,
    ].join('\n'),
  });
  const elapsedMs = performance.now() - started;
  const byId = (id: string): CheckResult[] =>
    run.outcome.report.checks.filter((check) => check.id === id);
  return { run, elapsedMs, byId };
}

const DEADLINE = `before the run's deadline (timeout-seconds: ${TIMEOUT_SECONDS})`;

describe('the run deadline', () => {
  it('ends a run with every check selected when Graph and the mail servers never answer', async () => {
    sandbox.faults.add({ kind: 'hang', times: 100, route: 'graph' });
    const { elapsedMs, byId } = await runAllChecks('tenant');

    expect(elapsedMs).toBeLessThan(TIMEOUT_SECONDS * 1000 + SLACK_MS);
    expect(byId('token')[0]?.status).toBe('pass');
    const [self, tenant] = byId('secret-expiry');
    expect(self?.summary).toContain(`Microsoft Graph $batch`);
    expect(self?.summary).toContain(DEADLINE);
    expect(tenant?.status).toBe('fail');
    expect(tenant?.summary).toContain(DEADLINE);
    for (const id of ['mailbox-imap', 'mailbox-smtp']) {
      expect(byId(id)[0]?.status).toBe('fail');
      expect(byId(id)[0]?.summary).toContain(`127.0.0.1:`);
      expect(byId(id)[0]?.summary).toContain(DEADLINE);
    }
  });

  it('fails only what needs the mail token when that token never comes (the Graph token does)', async () => {
    // The token check asks first, so the first token request is the mail token's.
    sandbox.faults.add({ kind: 'hang', times: 1, route: 'token' });
    const { elapsedMs, byId } = await runAllChecks('self');

    expect(elapsedMs).toBeLessThan(TIMEOUT_SECONDS * 1000 + SLACK_MS);
    expect(byId('token')[0]).toMatchObject({ status: 'fail' });
    expect(byId('token')[0]?.summary).toContain('token endpoint (mail token)');
    expect(byId('token')[0]?.summary).toContain(DEADLINE);
    expect(byId('secret-expiry')[0]?.status).toBe('pass');
    // The registration read (Graph token) confirms the permissions; there is no mail token to
    // look in, and the summary does not claim there is.
    expect(byId('permissions')[0]?.summary).toBe(
      'all 3 required permissions are configured and consented (no token to look in: see the Access token check)',
    );
    for (const id of ['mailbox-imap', 'mailbox-smtp'])
      expect(byId(id)[0]).toMatchObject({ status: 'skip' });
  });
});
