// A mail server that cannot be reached: the mailbox check's result names the protocol, the
// host:port it tried and the cause, and the fix says where to look; the token is not at fault.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
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
import { closedPort } from './fake-server.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

it('a refused connection names the protocol, host:port and cause', async () => {
  const port = await closedPort();
  const parsed = parseSettings({
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
    checks: 'token, mailbox',
    activities: 'read',
    endpoints: `authority=${sandbox.url}\nimap=127.0.0.1:${port}`,
  });
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    registerSecret: () => undefined,
    now: () => new Date(),
  });
  const imap = outcome.report.checks.find((c) => c.id === 'mailbox-imap')!;
  expect(imap.status).toBe('fail');
  expect(imap.summary).toBe(
    `IMAP connect failed at 127.0.0.1:${port}: Nothing accepts connections on that IMAP port.`,
  );
  expect(imap.remediation).toMatch(/runner can reach the host and port/);
  expect(outcome.report.checks.find((c) => c.id === 'token')!.status).toBe('pass');
});
