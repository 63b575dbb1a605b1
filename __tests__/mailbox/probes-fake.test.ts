// Probe behaviour a real Dovecot/Postfix cannot show: Exchange's own dialogue, silence,
// refused connections, untrusted certificates, abort, echoed secrets, single use.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { diagnoseMailOutcome } from '../../src/mailbox/diagnose.js';
import { openImapProbe } from '../../src/mailbox/imap-probe.js';
import { openPopProbe } from '../../src/mailbox/pop-probe.js';
import { openSmtpProbe } from '../../src/mailbox/smtp-probe.js';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import { closedPort, selfSignedCert, startFakeServer, type FakeServer } from './fake-server.js';
import { CLIENT_ID, MAILBOX, OUTLOOK_AUDIENCES, secretForms, SP_OBJECT_ID } from './tokens.js';

const TOKEN =
  'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlLXNlY3JldA';
const appCtx = {
  grant: 'client-credentials' as const,
  clientId: CLIENT_ID,
  mailbox: MAILBOX,
  servicePrincipalObjectId: SP_OBJECT_ID,
  expectedAudiences: OUTLOOK_AUDIENCES,
};

let cert: { key: string; cert: string };
const servers: FakeServer[] = [];
async function serve(options: Parameters<typeof startFakeServer>[0]) {
  const server = await startFakeServer(options);
  servers.push(server);
  return server;
}

beforeAll(() => {
  cert = selfSignedCert();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('timeouts', () => {
  it('a server that accepts and never greets gives timedOut at the greeting (SMTP)', async () => {
    const silent = await serve({});
    const started = performance.now();
    const probe = openSmtpProbe(silent.endpoint, { timeoutMs: 300 });
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    const elapsed = performance.now() - started;
    expect(outcome).toMatchObject({
      protocol: 'smtp',
      ok: false,
      stage: 'greeting',
      timedOut: true,
    });
    expect(outcome.error).toBe(
      `no reply from 127.0.0.1:${silent.endpoint.port} within 300 ms (stage greeting)`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2000);
    expect(silent.received).toEqual([]); // the token was never sent
  });

  it('a silent implicit-TLS port times out in the TLS stage (IMAP)', async () => {
    const silent = await serve({});
    const outcome = await openImapProbe(silent.endpoint, { timeoutMs: 300 }).authenticate(
      MAILBOX,
      TOKEN,
    );
    expect(outcome).toMatchObject({ ok: false, stage: 'tls', timedOut: true });
    expect(diagnoseMailOutcome(outcome, appCtx).cause).toBe(
      'No reply from the IMAP server at stage tls.',
    );
  });

  it('a server that goes quiet after the AUTH command times out in authenticate (POP)', async () => {
    const server = await serve({
      tls: cert,
      greeting: '+OK ready',
      onLine: (line, s) => line === 'AUTH XOAUTH2' && s.send('+ '),
    });
    const probe = openPopProbe(server.endpoint, { timeoutMs: 300, ca: cert.cert });
    await probe.ready;
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({ ok: false, stage: 'authenticate', timedOut: true });
    expect(server.received).toEqual(['AUTH XOAUTH2', xoauth2InitialResponse(MAILBOX, TOKEN)]);
  });
});

describe('network failures become outcomes', () => {
  it('refused connection names host:port', async () => {
    const port = await closedPort();
    const probe = openImapProbe({ host: '127.0.0.1', port }, { timeoutMs: 2000 });
    await probe.ready; // settles, never rejects
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({ ok: false, stage: 'connect', errorCode: 'ECONNREFUSED' });
    expect(outcome.error).toContain(`127.0.0.1:${port}`);
    expect(diagnoseMailOutcome(outcome, appCtx)).toMatchObject({
      summary: expect.stringContaining(`127.0.0.1:${port}`),
      cause: 'Nothing accepts connections on that IMAP port.',
    });
  });

  it('an untrusted certificate fails in the TLS stage, before any command', async () => {
    const server = await serve({ tls: cert, greeting: '* OK ready' });
    const outcome = await openImapProbe(server.endpoint, { timeoutMs: 2000 }).authenticate(
      MAILBOX,
      TOKEN,
    );
    expect(outcome).toMatchObject({ ok: false, stage: 'tls' });
    expect(outcome.errorCode).toMatch(/SELF_SIGNED/);
    expect(outcome.error).toContain(
      `TLS certificate of 127.0.0.1:${server.endpoint.port} not accepted`,
    );
    expect(outcome.transcript).toEqual([]);
    expect(diagnoseMailOutcome(outcome, appCtx).cause).toMatch(/TLS certificate is not trusted/);
  });

  it('the same certificate passes when given as ca, with SNI for localhost (POP success path)', async () => {
    const server = await serve({
      tls: cert,
      greeting: '+OK The Microsoft Exchange POP3 service is ready.',
      onLine: (line, s) => {
        if (line === 'AUTH XOAUTH2') s.send('+ ');
        else if (line === xoauth2InitialResponse(MAILBOX, TOKEN))
          s.send('+OK User successfully authenticated.');
        else if (line === 'STAT') s.send('+OK 0 0');
        else if (line === 'QUIT') s.send('+OK Microsoft Exchange Server POP3 server signing off.');
      },
    });
    const probe = openPopProbe(
      { host: 'localhost', port: server.endpoint.port },
      { timeoutMs: 2000, ca: cert.cert },
    );
    await probe.ready;
    expect(server.received).toEqual([]); // nothing is sent before the token is there
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({
      ok: true,
      stage: 'logout',
      code: '+OK',
      reply: '+OK User successfully authenticated.',
    });
    expect(server.received).toEqual([
      'AUTH XOAUTH2',
      xoauth2InitialResponse(MAILBOX, TOKEN),
      'STAT',
      'QUIT',
    ]);
  });

  it('abort via signal ends the probe without a timeout', async () => {
    const controller = new AbortController();
    const server = await serve({
      tls: cert,
      greeting: '+OK ready',
      onLine: (line) => line === 'AUTH XOAUTH2' && controller.abort(),
    });
    const probe = openPopProbe(server.endpoint, {
      timeoutMs: 5000,
      ca: cert.cert,
      signal: controller.signal,
    });
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({ ok: false, stage: 'authenticate' });
    expect(outcome.timedOut).toBeUndefined();
    expect(outcome.error).toMatch(/aborted/);
  });
});

describe('Exchange dialogue (recorded replies)', () => {
  /** IMAP server speaking like outlook.office365.com (https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth). */
  function exchangeImap(selectReply: string, saslIr = true) {
    return serve({
      tls: cert,
      greeting:
        '* OK The Microsoft Exchange IMAP4 service is ready. [TQBOADIAUABSADAANQBDAEEAMAAwADAANQAuAG4AYQBtAHAAcgBkADAANQAuAHAAcgBvAGQALgBvAHUAdABsAG8AbwBrAC4AYwBvAG0A]',
      onLine: (line, s) => {
        if (line === 'a0 CAPABILITY') {
          s.send(
            `* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2${saslIr ? ' SASL-IR' : ''} UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+`,
          );
          s.send('a0 OK CAPABILITY completed.');
        } else if (line === 'a1 AUTHENTICATE XOAUTH2') s.send('+ ');
        else if (
          line.startsWith('a1 AUTHENTICATE XOAUTH2 ') ||
          line === xoauth2InitialResponse(MAILBOX, TOKEN)
        ) {
          s.send('a1 OK AUTHENTICATE completed.');
        } else if (line === 'a2 SELECT INBOX') s.send(selectReply);
        else if (line === 'a3 LOGOUT') {
          s.send('* BYE Microsoft Exchange Server IMAP4 server signing off.');
          s.send('a3 OK LOGOUT completed.');
        }
      },
    });
  }

  it('catches "authenticated but not connected" after an accepted login', async () => {
    const server = await exchangeImap('a2 BAD User is authenticated but not connected.');
    const outcome = await openImapProbe(server.endpoint, {
      timeoutMs: 2000,
      ca: cert.cert,
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({
      ok: false,
      stage: 'post-auth',
      code: 'BAD',
      reply: 'a2 BAD User is authenticated but not connected.',
    });
    const diagnosis = diagnoseMailOutcome(outcome, appCtx);
    expect(diagnosis.remediation).toContain(
      `Add-MailboxPermission -Identity ${MAILBOX} -User ${SP_OBJECT_ID} -AccessRights FullAccess`,
    );
    expect(diagnosis.setupStep).toMatch(/^Step 4/);
  });

  it('asks for CAPABILITY when the greeting has none, and logs out politely on success', async () => {
    const server = await exchangeImap('a2 OK [READ-WRITE] SELECT completed.');
    const outcome = await openImapProbe(server.endpoint, {
      timeoutMs: 2000,
      ca: cert.cert,
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({
      ok: true,
      stage: 'logout',
      code: 'OK',
      reply: 'a1 OK AUTHENTICATE completed.',
    });
    expect(server.received).toEqual([
      'a0 CAPABILITY',
      `a1 AUTHENTICATE XOAUTH2 ${xoauth2InitialResponse(MAILBOX, TOKEN)}`,
      'a2 SELECT INBOX',
      'a3 LOGOUT',
    ]);
  });

  it('uses the continuation form when SASL-IR is not advertised', async () => {
    const server = await exchangeImap('a2 OK SELECT completed.', false);
    const outcome = await openImapProbe(server.endpoint, {
      timeoutMs: 2000,
      ca: cert.cert,
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome.ok).toBe(true);
    expect(server.received.slice(1, 3)).toEqual([
      'a1 AUTHENTICATE XOAUTH2',
      xoauth2InitialResponse(MAILBOX, TOKEN),
    ]);
    expect(outcome.transcript).toContainEqual({ dir: 'C', text: '<redacted>' });
  });
});

describe('secrets and single use', () => {
  it('never reports the token, even when the server echoes it in any encoding', async () => {
    const server = await serve({
      tls: cert,
      greeting: '+OK ready',
      onLine: (line, s) => {
        if (line === 'AUTH XOAUTH2') return s.send('+ ');
        const token = Buffer.from(TOKEN).toString('base64url');
        s.send(`-ERR [AUTH] you sent ${line} token ${TOKEN} b64url ${token}`);
      },
    });
    const outcome = await openPopProbe(server.endpoint, {
      timeoutMs: 2000,
      ca: cert.cert,
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({ ok: false, stage: 'authenticate', code: '-ERR [AUTH]' });
    const report = JSON.stringify(outcome) + JSON.stringify(diagnoseMailOutcome(outcome, appCtx));
    for (const form of [
      ...secretForms(TOKEN),
      ...secretForms(xoauth2InitialResponse(MAILBOX, TOKEN)),
    ]) {
      expect(report).not.toContain(form);
    }
    expect(outcome.reply).toBe(
      '-ERR [AUTH] you sent <redacted> token <redacted> b64url <redacted>',
    );
  });

  it('logs in only once per probe', async () => {
    const server = await serve({
      tls: cert,
      greeting: '+OK ready',
      onLine: (line, s) => {
        if (line === 'AUTH XOAUTH2') s.send('+ ');
        else if (line === 'QUIT') s.send('+OK bye');
        else s.send('-ERR Authentication failure: unknown user name or bad password.');
      },
    });
    const probe = openPopProbe(server.endpoint, { timeoutMs: 2000, ca: cert.cert });
    const first = await probe.authenticate(MAILBOX, TOKEN);
    const second = await probe.authenticate(MAILBOX, TOKEN);
    expect(first).toMatchObject({
      ok: false,
      code: '-ERR',
      reply: '-ERR Authentication failure: unknown user name or bad password.',
    });
    expect(second).toMatchObject({
      ok: false,
      error: 'this probe has already been used: it logs in only once',
    });
    expect(server.received.filter((l) => l === 'AUTH XOAUTH2')).toHaveLength(1);
  });

  it('SMTP goes through STARTTLS, never sends MAIL FROM, and reports Exchange’s 5.7.139 verbatim', async () => {
    const refusal =
      '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0501CA0054.namprd05.prod.outlook.com]';
    let secure = false;
    const server = await serve({
      tls: cert,
      plainFirst: true,
      greeting: '220 SN4PR0501CA0054.outlook.office365.com Microsoft ESMTP MAIL Service ready',
      onLine: (line, s) => {
        if (line.startsWith('EHLO ')) {
          s.send('250-SN4PR0501CA0054.outlook.office365.com Hello [127.0.0.1]');
          s.send('250-SIZE 157286400');
          s.send(secure ? '250-AUTH LOGIN XOAUTH2' : '250-STARTTLS');
          s.send('250 SMTPUTF8');
        } else if (line === 'STARTTLS') {
          s.send('220 2.0.0 SMTP server ready');
          s.startTls();
          secure = true;
        } else if (line.startsWith('AUTH XOAUTH2 ')) s.send(refusal);
        else if (line === 'QUIT') s.send('221 2.0.0 Service closing transmission channel');
        else s.send('500 5.3.3 Unrecognized command');
      },
    });
    const outcome = await openSmtpProbe(server.endpoint, {
      timeoutMs: 2000,
      ca: cert.cert,
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({
      ok: false,
      stage: 'authenticate',
      code: '535 5.7.139',
      reply: refusal,
    });
    expect(server.received).toEqual([
      'EHLO [127.0.0.1]',
      'STARTTLS',
      'EHLO [127.0.0.1]',
      `AUTH XOAUTH2 ${xoauth2InitialResponse(MAILBOX, TOKEN)}`,
    ]);
    const diagnosis = diagnoseMailOutcome(outcome, { ...appCtx, grant: 'password' });
    expect(diagnosis.cause).toMatch(/turned off for the whole tenant/);
    expect(diagnosis.remediation).toContain(
      'Set-TransportConfig -SmtpClientAuthenticationDisabled $false',
    );
  });

  it('SMTP refuses to authenticate when the server offers no STARTTLS', async () => {
    const server = await serve({
      greeting: '220 mail.example ESMTP',
      onLine: (line, s) =>
        line.startsWith('EHLO ') && s.send('250-mail.example\r\n250 AUTH XOAUTH2'),
    });
    const outcome = await openSmtpProbe(server.endpoint, { timeoutMs: 2000 }).authenticate(
      MAILBOX,
      TOKEN,
    );
    expect(outcome).toMatchObject({ ok: false, stage: 'starttls', code: 'STARTTLS not offered' });
    expect(server.received).toEqual(['EHLO [127.0.0.1]']);
  });
});

describe('entry point', () => {
  it('the lazy index exposes the probes and the diagnosis', async () => {
    const mailbox = await import('../../src/mailbox/index.js');
    expect(Object.keys(mailbox).sort()).toEqual([
      'diagnoseMailOutcome',
      'openImapProbe',
      'openPopProbe',
      'openSmtpProbe',
      'xoauth2InitialResponse',
    ]);
  });

  it('an abort while the probe waits for its token closes the connection at once', async () => {
    const controller = new AbortController();
    let closed!: () => void;
    const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
    const server = await serve({ tls: cert, greeting: '+OK ready' });
    const probe = openPopProbe(server.endpoint, {
      timeoutMs: 5000,
      ca: cert.cert,
      signal: controller.signal,
    });
    await probe.ready;
    server.onClose(closed);
    controller.abort();
    await serverSawClose; // the socket went away without authenticate() or close()
    const outcome = await probe.authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({ ok: false, stage: 'authenticate' });
    expect(outcome.error).toMatch(/aborted \(stage greeting\)/);
    expect(server.received).toEqual([]);
  });
});

describe('a signal aborted before the probe opens', () => {
  it('never connects', async () => {
    const server = await serve({
      greeting: '220 ready',
      onLine: (line, s) => s.send('250 localhost'), // no STARTTLS: the check below ends quickly
    });
    let connections = 0;
    server.onConnect(() => connections++);
    const outcome = await openSmtpProbe(server.endpoint, {
      timeoutMs: 2000,
      signal: AbortSignal.abort(),
    }).authenticate(MAILBOX, TOKEN);
    expect(outcome).toMatchObject({ ok: false, stage: 'connect' });
    expect(outcome.error).toMatch(/aborted \(stage connect\)/);
    // a second server round trip proves the listener is idle, not merely slow
    const check = openSmtpProbe(server.endpoint, { timeoutMs: 2000 });
    await check.ready;
    check.close();
    expect(connections).toBe(1);
  });
});
