// The `mailbox` checks through the engine: the sandbox tenant issues the token, real Dovecot
// (IMAP, POP3) and Postfix (SMTP) validate it. One peer set accepts delegated tokens
// (aud https://outlook.office.com), another app-only ones (aud https://outlook.office365.com).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runPreflight } from '../../src/preflight.js';
import type { CheckResult, PreflightOutcome } from '../../src/engine/types.js';
import { encodings } from '../helpers/leak-check.js';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
  healthyTenant,
  type SandboxTenant,
} from '../../sandbox/tenant.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';

const key = generateSigningKey('mailbox-check-kid');
const unavailable = mailPeersUnavailable();
let delegatedPeers: MailPeers;
let appPeers: MailPeers;

const peers = (audience: string): Promise<MailPeers> => startSandboxMailPeers(key, audience);

interface Run {
  outcome: PreflightOutcome;
  secrets: string[];
  byId: (id: string) => CheckResult;
}

async function run(
  mailPeers: () => MailPeers,
  inputs: Record<string, string>,
  options: { tenant?: SandboxTenant; sandboxClockOffsetMs?: number } = {},
): Promise<Run> {
  const offset = options.sandboxClockOffsetMs ?? 0;
  const sandbox = await startSandbox({
    key,
    tenant: options.tenant,
    now: () => Date.now() + offset,
  });
  const p = mailPeers();
  const secrets: string[] = [];
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
        `imap=${p.imap.host}:${p.imap.port}`,
        `pop=${p.pop.host}:${p.pop.port}`,
        `smtp=${p.smtp.host}:${p.smtp.port}`,
      ].join('\n'),
      ...inputs,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const logged: string[] = [];
    const log = (line: string) => void logged.push(line);
    const outcome = await runPreflight(parsed, {
      log: { debug: log, info: log, warning: log },
      registerSecret: (value) => secrets.push(value),
      now: () => new Date(),
      mailCa: p.ca,
    });
    // Every probe run is checked: no form of a secret the run could hold, the XOAUTH2 strings
    // computed here (not taken from what the run registered), in the report or the log.
    const mailbox = parsed.settings.username;
    const held = [
      SANDBOX_SECRET,
      SANDBOX_PASSWORD,
      ...sandbox.issued,
      ...sandbox.issued.map((token) => xoauth2InitialResponse(mailbox, token)),
    ];
    const visible = `${JSON.stringify(outcome.report)}\n${logged.join('\n')}`;
    for (const secret of held)
      for (const form of encodings(secret)) expect(visible).not.toContain(form);
    const byId = (id: string) => {
      const found = outcome.report.checks.find((c) => c.id === id);
      if (!found) throw new Error(`no ${id} result in ${JSON.stringify(outcome.report.checks)}`);
      return found;
    };
    return { outcome, secrets, byId };
  } finally {
    await sandbox.close();
  }
}

/** No form of any registered secret (token, XOAUTH2 string) appears in the report. */
function expectNoSecretsInReport(r: Run) {
  const text = JSON.stringify(r.outcome.report);
  for (const secret of r.secrets)
    for (const form of encodings(secret)) expect(text).not.toContain(form);
}

(unavailable ? describe.skip : describe)(
  `mailbox checks against real Dovecot and Postfix${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeAll(async () => {
      [delegatedPeers, appPeers] = await Promise.all([
        peers('https://outlook.office.com'),
        peers('https://outlook.office365.com'),
      ]);
    }, 30_000);
    afterAll(() => Promise.all([delegatedPeers?.stop(), appPeers?.stop()]), 30_000);

    it('ROPC token: IMAP (login + SELECT INBOX) and SMTP (STARTTLS + AUTH) pass', async () => {
      const r = await run(() => delegatedPeers, {});
      expect(r.byId('mailbox-imap')).toMatchObject({ status: 'pass' });
      expect(r.byId('mailbox-smtp')).toMatchObject({ status: 'pass' });
      expect(r.byId('mailbox-imap').details).toMatch(/SELECT INBOX/);
      expect(r.outcome.report.checks.some((c) => c.id === 'mailbox-pop')).toBe(false);
      // The XOAUTH2 string was registered as a secret before use, and nothing leaks.
      const token = r.outcome.token!.accessToken;
      expect(r.secrets).toContain(xoauth2InitialResponse(SANDBOX_USER, token));
      expectNoSecretsInReport(r);
    });

    it('read-protocol pop probes POP3 instead of IMAP', async () => {
      const r = await run(() => delegatedPeers, { 'read-protocol': 'pop', activities: 'read' });
      expect(r.byId('mailbox-pop')).toMatchObject({ status: 'pass' });
      expect(r.outcome.report.checks.map((c) => c.id)).toEqual(['inputs', 'token', 'mailbox-pop']);
    });

    it('unprefixed scopes give a Graph token: every probe fails and names the audience', async () => {
      const r = await run(() => delegatedPeers, {
        scope: 'IMAP.AccessAsUser.All SMTP.Send offline_access',
      });
      const imap = r.byId('mailbox-imap');
      const smtp = r.byId('mailbox-smtp');
      expect(imap).toMatchObject({ status: 'fail', code: 'NO [AUTHENTICATIONFAILED]' });
      expect(smtp.status).toBe('fail');
      expect(smtp.code).toMatch(/^535/);
      for (const result of [imap, smtp]) {
        expect(result.summary).toMatch(
          /token is for https:\/\/graph\.microsoft\.com, not for Exchange Online/,
        );
        expect(result.details).toMatch(/Server reply: /);
        expect(result.remediation).toMatch(/https:\/\/outlook\.office\.com\//);
      }
      expectNoSecretsInReport(r);
    });

    it('an expired token is refused and diagnosed as expired', async () => {
      // The sandbox's clock is two hours behind: its 1-hour token has already expired.
      const r = await run(() => delegatedPeers, {}, { sandboxClockOffsetMs: -2 * 3_600_000 });
      const imap = r.byId('mailbox-imap');
      expect(imap.status).toBe('fail');
      expect(`${imap.summary} ${imap.details}`).toMatch(/expired/i);
    });

    it('app-only token with mailbox permission: IMAP and SMTP pass', async () => {
      const r = await run(() => appPeers, { grant: 'client-credentials', password: '' });
      expect(r.byId('token')).toMatchObject({ status: 'pass' });
      expect(r.byId('mailbox-imap')).toMatchObject({ status: 'pass' });
      expect(r.byId('mailbox-smtp')).toMatchObject({ status: 'pass' });
    });

    it('app-only token without Exchange setup: the fix names New-ServicePrincipal and Add-MailboxPermission with the ids', async () => {
      const tenant = healthyTenant();
      tenant.exchangeMailboxAccess = [];
      const r = await run(
        () => appPeers,
        { grant: 'client-credentials', password: '' },
        { tenant },
      );
      const imap = r.byId('mailbox-imap');
      expect(imap).toMatchObject({ status: 'fail', code: 'NO [AUTHENTICATIONFAILED]' });
      expect(imap.remediation).toContain(
        `New-ServicePrincipal -AppId ${SANDBOX_CLIENT_ID} -ObjectId ${tenant.app.servicePrincipalId}`,
      );
      expect(imap.remediation).toContain(
        `Add-MailboxPermission -Identity ${SANDBOX_USER} -User ${tenant.app.servicePrincipalId} -AccessRights FullAccess`,
      );
      expect(r.byId('mailbox-smtp').status).toBe('fail');
    });

    it('a token for another mailbox is refused', async () => {
      const tenant = healthyTenant();
      tenant.exchangeMailboxAccess = ['bob@contoso.example'];
      const r = await run(
        () => appPeers,
        { grant: 'client-credentials', password: '' },
        { tenant },
      );
      expect(r.byId('mailbox-imap')).toMatchObject({
        status: 'fail',
        code: 'NO [AUTHENTICATIONFAILED]',
      });
      expect(r.byId('mailbox-imap').details).toMatch(/Server reply: .*Authentication failed/);
    });

    it('no token: the probes are skipped, not failed twice', async () => {
      const r = await run(() => delegatedPeers, { password: 'wrong password' });
      expect(r.byId('token')).toMatchObject({ status: 'fail', code: 'AADSTS50126' });
      expect(r.byId('mailbox-imap')).toMatchObject({ status: 'skip' });
      expect(r.byId('mailbox-smtp')).toMatchObject({ status: 'skip' });
    });
  },
);
