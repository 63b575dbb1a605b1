// The probes against real XOAUTH2 servers (Dovecot IMAPS/POP3S, Postfix SMTP + STARTTLS) that
// validate the JWT like Exchange would: good tokens log in; wrong audience, expired and
// other-user tokens are refused, and Dovecot's log shows that each was refused for that reason.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { diagnoseMailOutcome, STEP_TOKEN_SCOPE } from '../../src/mailbox/diagnose.js';
import { openImapProbe } from '../../src/mailbox/imap-probe.js';
import { openPopProbe } from '../../src/mailbox/pop-probe.js';
import type { MailProtocol, ProbeOutcome } from '../../src/mailbox/probe-types.js';
import { openSmtpProbe } from '../../src/mailbox/smtp-probe.js';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import { mailPeersUnavailable, startMailPeers, type MailPeers } from '../helpers/mail-peers.js';
import {
  CLIENT_ID,
  decodeClaims,
  delegatedToken,
  ISSUER,
  MAILBOX,
  OUTLOOK_AUDIENCES,
  secretForms,
} from './tokens.js';

const unavailable = mailPeersUnavailable();
if (unavailable) console.warn(`Real mail peer tests skipped: ${unavailable}`);
const suite = unavailable ? describe.skip : describe;
const PROTOCOLS: MailProtocol[] = ['imap', 'pop', 'smtp'];

suite(
  `probes against real Dovecot + Postfix${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    const key = generateSigningKey('mailbox-test-kid');
    let peers: MailPeers;

    beforeAll(async () => {
      const started = await startMailPeers({
        publicKeyPem: key.publicKeyPem,
        kid: key.kid,
        clientIds: [CLIENT_ID],
        issuer: ISSUER,
      });
      if ('skipped' in started) throw new Error(started.skipped);
      peers = started;
      console.log(`mail peers ready in ${peers.startupMs} ms`);
    }, 30000);

    afterAll(async () => {
      await peers?.stop();
    }, 30000);

    async function probe(protocol: MailProtocol, token: string, mailbox = MAILBOX) {
      const options = { timeoutMs: 10000, ca: peers.ca };
      const opened =
        protocol === 'imap'
          ? openImapProbe(peers.imap, options)
          : protocol === 'pop'
            ? openPopProbe(peers.pop, options)
            : openSmtpProbe(peers.smtp, options);
      await opened.ready; // the connection is up before the token is handed over
      const outcome = await opened.authenticate(mailbox, token);
      assertNoSecret(outcome, token, mailbox);
      return outcome;
    }

    function assertNoSecret(outcome: ProbeOutcome, token: string, mailbox: string) {
      const report = JSON.stringify(outcome);
      const forms = [...secretForms(token), ...secretForms(xoauth2InitialResponse(mailbox, token))];
      for (const form of forms) expect(report).not.toContain(form);
      // the signature part alone is a secret too
      expect(report).not.toContain(token.split('.')[2]!);
    }

    /** Waits (bounded) until Dovecot has logged `pattern` at least `count` times. */
    async function dovecotLogged(pattern: string, count: number): Promise<number> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const seen = readFileSync(peers.logPath, 'utf8').split(pattern).length - 1;
        if (seen >= count || Date.now() > deadline) return seen;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }

    const ctx = (token: string, mailbox = MAILBOX) => ({
      grant: 'password' as const,
      clientId: CLIENT_ID,
      mailbox,
      claims: decodeClaims(token),
      expectedAudiences: OUTLOOK_AUDIENCES,
    });

    it('a good delegated token logs in over IMAP (SELECT INBOX), POP (STAT) and SMTP', async () => {
      const token = delegatedToken(key);
      const [imap, pop, smtp] = await Promise.all(PROTOCOLS.map((p) => probe(p, token)));
      expect(imap).toMatchObject({
        protocol: 'imap',
        ok: true,
        stage: 'logout',
        code: 'OK [CAPABILITY]',
      });
      expect(imap!.transcript).toContainEqual({
        dir: 'C',
        text: 'a1 AUTHENTICATE XOAUTH2 <redacted>',
      });
      expect(imap!.transcript).toContainEqual({ dir: 'C', text: 'a2 SELECT INBOX' });
      expect(imap!.transcript.some((l) => l.dir === 'S' && /^a2 OK/.test(l.text))).toBe(true);
      expect(pop).toMatchObject({
        protocol: 'pop',
        ok: true,
        stage: 'logout',
        reply: '+OK Logged in.',
      });
      expect(pop!.transcript).toContainEqual({ dir: 'C', text: 'STAT' });
      expect(smtp).toMatchObject({
        protocol: 'smtp',
        ok: true,
        stage: 'logout',
        code: '235 2.7.0',
        reply: '235 2.7.0 Authentication successful',
      });
      expect(smtp!.transcript.map((l) => l.text)).toEqual(
        expect.arrayContaining([
          'STARTTLS',
          '220 2.0.0 Ready to start TLS',
          'AUTH XOAUTH2 <redacted>',
        ]),
      );
      expect(smtp!.transcript.some((l) => /MAIL FROM/i.test(l.text))).toBe(false);
      for (const outcome of [imap!, pop!, smtp!]) {
        expect(diagnoseMailOutcome(outcome, ctx(token)).cause).toBe('none');
      }
    });

    it('a token carrying azp is validated with the key stored under that client id', async () => {
      const token = delegatedToken(key, { azp: CLIENT_ID, ver: '2.0' });
      expect((await probe('imap', token)).ok).toBe(true);
    });

    const REFUSED = {
      imap: {
        code: 'NO [AUTHENTICATIONFAILED]',
        reply: 'a1 NO [AUTHENTICATIONFAILED] Authentication failed.',
      },
      pop: { code: '-ERR [AUTH]', reply: '-ERR [AUTH] Authentication failed.' },
      smtp: {
        code: '535 5.7.8',
        reply: '535 5.7.8 Error: authentication failed: (reason unavailable)',
      },
    };

    async function expectRefusedEverywhere(token: string, logged: string, mailbox = MAILBOX) {
      const before = await dovecotLogged(logged, 0);
      const outcomes = await Promise.all(PROTOCOLS.map((p) => probe(p, token, mailbox)));
      for (const outcome of outcomes) {
        expect(outcome).toMatchObject({
          ok: false,
          stage: 'authenticate',
          ...REFUSED[outcome.protocol],
        });
        expect(outcome.timedOut).toBeUndefined();
        // one empty answer to the XOAUTH2 error challenge, no second login attempt
        expect(
          outcome.transcript.filter((l) => l.dir === 'C' && l.text === '<redacted>').length,
        ).toBe(outcome.protocol === 'pop' ? 1 : 0);
        expect(
          outcome.transcript.filter((l) => l.text.includes('XOAUTH2')).length,
        ).toBeLessThanOrEqual(outcome.protocol === 'smtp' ? 3 : 2);
      }
      // Dovecot says why, once per protocol: the refusal was for this reason, not another.
      expect(await dovecotLogged(logged, before + 3)).toBeGreaterThanOrEqual(before + 3);
      return outcomes;
    }

    it('refuses a Microsoft Graph token (unprefixed-scope trap) and diagnoses the audience', async () => {
      const token = delegatedToken(key, {
        aud: 'https://graph.microsoft.com',
        scp: 'IMAP.AccessAsUser.All',
      });
      const outcomes = await expectRefusedEverywhere(token, 'Token audience does not include');
      for (const outcome of outcomes) {
        const diagnosis = diagnoseMailOutcome(outcome, ctx(token));
        // The servers' replies are generic; what the token shows is the first cause.
        expect(diagnosis.replyClass).toBe('generic');
        expect(diagnosis.causes![0]).toMatch(
          /is for https:\/\/graph\.microsoft\.com, not for Exchange Online/,
        );
        expect(diagnosis.causes![0]).toMatch(/defaults to Microsoft Graph/);
        expect(diagnosis.remediation).toMatch(/https:\/\/outlook\.office\.com\//);
        expect(diagnosis.setupStep).toBe(STEP_TOKEN_SCOPE);
        expect(diagnosis.summary).toContain(outcome.reply!.split('\n').pop());
      }
    });

    it('refuses an expired token and diagnoses the expiry', async () => {
      const past = Math.floor(Date.now() / 1000) - 7200;
      const token = delegatedToken(key, { iat: past, nbf: past, exp: past + 3600 });
      const outcomes = await expectRefusedEverywhere(token, 'Token has expired');
      for (const outcome of outcomes) {
        expect(diagnoseMailOutcome(outcome, ctx(token)).causes![0]).toMatch(
          /^the token shows it: The access token expired at /,
        );
      }
    });

    it("refuses another user's token for this mailbox and diagnoses the mismatch", async () => {
      const token = delegatedToken(key, {
        upn: 'bob@contoso.example',
        unique_name: 'bob@contoso.example',
      });
      const outcomes = await expectRefusedEverywhere(token, "did not match 'bob@contoso.example'");
      for (const outcome of outcomes) {
        const diagnosis = diagnoseMailOutcome(outcome, ctx(token));
        expect(diagnosis.causes![0]).toBe(
          'the token shows it: The token belongs to bob@contoso.example, but the login names alice@contoso.example (XOAUTH2 user=)',
        );
      }
    });
  },
);
