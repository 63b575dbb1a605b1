// "SMTP AUTH disabled for the tenant" through the real servers: Postfix refuses a valid token
// with Exchange's reply, relayed as Dovecot's refusal reason after Postfix's own
// `535 5.7.8 Error: authentication failed:`. The diagnosis must still be the tenant switch and
// its fix, both in `npm start -- --scenario smtp-auth-disabled-tenant` and through the engine;
// the refusal is SMTP-only and only for tokens the server would otherwise accept.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { findScenario } from '../../sandbox/scenarios.js';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { runPreflight } from '../../src/preflight.js';
import type { CheckResult } from '../../src/engine/types.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';

const SCENARIO = 'smtp-auth-disabled-tenant';
const unavailable = mailPeersUnavailable();
const refusal = findScenario(SCENARIO)?.smtpRefusal;

/** What a user pasted from Exchange (the scenario's source), and Postfix's prefix before it. */
const POSTFIX_PREFIX = '535 5.7.8 Error: authentication failed: ';

it('the scenario carries Exchange’s tenant-disabled reply', () => {
  expect(refusal).toMatch(
    /^535 5\.7\.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant\./,
  );
});

(unavailable ? describe.skip : describe)(
  `SMTP AUTH disabled for the tenant, through real Dovecot and Postfix${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('npm start -- --scenario smtp-auth-disabled-tenant: only the SMTP row, failed with the tenant switch and its fix', async () => {
      const run = await npmStart('--scenario', SCENARIO, '--json');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as { result: string; checks: CheckResult[] };
      expect(report.result).toBe('fail');
      expect(report.checks.map((c) => c.id)).toEqual(['inputs', 'token', 'mailbox-smtp']);
      expectTenantDiagnosis(report.checks.find((c) => c.id === 'mailbox-smtp')!);
    });

    describe('through the engine', () => {
      const key = generateSigningKey('smtp-auth-disabled-kid');
      let peers: MailPeers;
      beforeAll(async () => {
        peers = await startSandboxMailPeers(key, undefined, refusal);
      }, 30_000);
      afterAll(() => peers?.stop(), 30_000);

      async function preflight(inputs: Record<string, string> = {}) {
        const sandbox = await startSandbox({ key });
        try {
          const parsed = parseSettings({
            'tenant-id': SANDBOX_TENANT_ID,
            'client-id': SANDBOX_CLIENT_ID,
            'client-secret': SANDBOX_SECRET,
            username: SANDBOX_USER,
            password: SANDBOX_PASSWORD,
            checks: 'token, mailbox',
            endpoints: [
              `authority=${sandbox.url}`,
              `graph=${sandbox.url}`,
              `imap=${peers.imap.host}:${peers.imap.port}`,
              `pop=${peers.pop.host}:${peers.pop.port}`,
              `smtp=${peers.smtp.host}:${peers.smtp.port}`,
            ].join('\n'),
            ...inputs,
          });
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          const outcome = await runPreflight(parsed, {
            log: { debug: () => {}, info: () => {}, warning: () => {} },
            registerSecret: () => {},
            now: () => new Date(),
            mailCa: peers.ca,
          });
          return (id: string) => outcome.report.checks.find((c) => c.id === id)!;
        } finally {
          await sandbox.close();
        }
      }

      it('SMTP is refused with the tenant diagnosis while IMAP, on the same servers, logs in', async () => {
        const byId = await preflight();
        expect(byId('mailbox-imap')).toMatchObject({ status: 'pass' });
        expectTenantDiagnosis(byId('mailbox-smtp'));
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
    });
  },
);

function expectTenantDiagnosis(smtp: CheckResult) {
  expect(smtp.status).toBe('fail');
  // The product's words for 5.7.139 "disabled for the Tenant", not a generic or unknown refusal.
  expect(smtp.summary).toMatch(/SMTP AUTH .* is turned off for the whole tenant/);
  expect(smtp.remediation).toContain(
    'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
  );
  expect(smtp.remediation).toContain(
    `Set-CASMailbox -Identity ${SANDBOX_USER} -SmtpClientAuthenticationDisabled $false`,
  );
  expect(smtp.details).not.toMatch(/unknown/i);
  // The reply as the real Postfix sent it: its own prefix, then Exchange's text unchanged.
  expect(smtp.details).toContain(`Server reply: ${POSTFIX_PREFIX}${refusal}`);
}

/** `npm start` as package.json runs it (node --import tsx), without jest's own environment. */
function npmStart(...args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(NODE_OPTIONS|JEST_|M365_)/.test(k)) env[k] = v;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr })),
  );
}
