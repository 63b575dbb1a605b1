// "SMTP AUTH disabled for the tenant" through the real servers: Postfix refuses a valid token
// with Exchange's reply, relayed as Dovecot's refusal reason after Postfix's own
// `535 5.7.8 Error: authentication failed:`. The diagnosis must still be the tenant switch and
// its fix (what `npm start -- --scenario smtp-auth-disabled-tenant` prints is tested in
// __tests__/cli/start-script.test.ts); the refusal is SMTP-only and only for tokens the server
// would otherwise accept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findScenario } from '../../sandbox/scenarios.js';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox } from '../../sandbox/server.js';
import { SANDBOX_USER } from '../../sandbox/tenant.js';
import { runEngine } from '../helpers/engine-run.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';

const unavailable = mailPeersUnavailable();
const refusal = findScenario('smtp-auth-disabled-tenant')?.smtpRefusal;
const key = generateSigningKey('smtp-auth-disabled-kid');
let peers: MailPeers;

async function preflight(inputs: Record<string, string> = {}) {
  const sandbox = await startSandbox({ key });
  try {
    const endpoints = [
      `authority=${sandbox.url}`,
      `graph=${sandbox.url}`,
      ...(['imap', 'pop', 'smtp'] as const).map((p) => `${p}=${peers[p].host}:${peers[p].port}`),
    ].join('\n');
    const { outcome } = await runEngine(
      sandbox,
      { checks: 'token, mailbox', endpoints, ...inputs },
      { mailCa: peers.ca },
    );
    return (id: string) => outcome.report.checks.find((c) => c.id === id)!;
  } finally {
    await sandbox.close();
  }
}

it('the scenario carries Exchange’s tenant-disabled reply', () => {
  expect(refusal).toMatch(
    /^535 5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant\./,
  );
});

(unavailable ? describe.skip : describe)(
  `SMTP AUTH disabled for the tenant, through real Dovecot and Postfix${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeAll(async () => {
      peers = await startSandboxMailPeers(key, undefined, refusal);
    }, 30_000);
    afterAll(() => peers?.stop(), 30_000);

    it('SMTP is refused with the tenant diagnosis while IMAP, on the same servers, logs in', async () => {
      const byId = await preflight();
      expect(byId('mailbox-imap')).toMatchObject({ status: 'pass' });
      const smtp = byId('mailbox-smtp');
      expect(smtp.status).toBe('fail');
      // The product's words for 5.7.139 "disabled for the Tenant", not a generic or unknown one.
      expect(smtp.summary).toMatch(/SMTP AUTH .* is turned off for the whole tenant/);
      expect(smtp.remediation).toContain(
        'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
      );
      expect(smtp.remediation).toContain(
        `Set-CASMailbox -Identity ${SANDBOX_USER} -SmtpClientAuthenticationDisabled $false`,
      );
      expect(smtp.details).not.toMatch(/unknown/i);
      // The reply as the real Postfix sent it: its own prefix, then Exchange's text unchanged.
      expect(smtp.details).toContain(
        `Server reply: 535 5.7.8 Error: authentication failed: ${refusal}`,
      );
    });

    it('a token the server would refuse anyway gets the usual refusal, not the tenant text', async () => {
      // Unprefixed scopes: a Microsoft Graph token, which Dovecot rejects before any reason.
      const byId = await preflight({ scope: 'IMAP.AccessAsUser.All SMTP.Send offline_access' });
      const smtp = byId('mailbox-smtp');
      expect(smtp.status).toBe('fail');
      expect(smtp.details).toMatch(/Server reply: 535 5\.7\.8 /);
      expect(smtp.details).not.toContain('SmtpClientAuthentication');
      expect(smtp.summary).not.toMatch(/turned off for the whole tenant/);
      expect(smtp.summary).toMatch(/token is for https:\/\/graph\.microsoft\.com/);
    });
  },
);
