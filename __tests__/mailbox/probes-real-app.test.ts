// App-only (client-credentials) tokens against real servers. Dovecot takes one audience, so this
// file starts its own peers for https://outlook.office365.com, the audience of app-only tokens.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { openImapProbe } from '../../src/mailbox/imap-probe.js';
import { openPopProbe } from '../../src/mailbox/pop-probe.js';
import { openSmtpProbe } from '../../src/mailbox/smtp-probe.js';
import { mailPeersUnavailable, startMailPeers, type MailPeers } from '../helpers/mail-peers.js';
import { encodings } from '../helpers/leak-check.js';
import type { ProbeOutcome } from '../../src/mailbox/probe-types.js';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import { CLIENT_ID, delegatedToken, ISSUER, MAILBOX } from './tokens.js';

/** Neither the token nor its XOAUTH2 string, in any encoding, in what a probe reports. */
function expectNoSecret(outcomes: ProbeOutcome[], token: string) {
  const text = JSON.stringify(outcomes);
  for (const secret of [token, xoauth2InitialResponse(MAILBOX, token)])
    for (const form of encodings(secret)) expect(text).not.toContain(form);
}

const unavailable = mailPeersUnavailable();
if (unavailable) console.warn(`Real mail peer tests skipped: ${unavailable}`);
const suite = unavailable ? describe.skip : describe;

suite(
  `app-only tokens against real Dovecot + Postfix${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    const key = generateSigningKey('mailbox-app-kid');
    let peers: MailPeers;

    beforeAll(async () => {
      const started = await startMailPeers({
        publicKeyPem: key.publicKeyPem,
        kid: key.kid,
        clientIds: [CLIENT_ID],
        issuer: ISSUER,
        audience: 'https://outlook.office365.com',
      });
      if ('skipped' in started) throw new Error(started.skipped);
      peers = started;
    }, 30000);

    afterAll(async () => {
      await peers?.stop();
    }, 30000);

    // Real app-only tokens name no user; Dovecot needs a user claim to match user=, so the test
    // token carries upn = the mailbox (Exchange maps the service principal to the mailbox instead).
    const appToken = (aud: string) =>
      delegatedToken(key, {
        aud,
        azp: CLIENT_ID,
        scp: null,
        roles: ['IMAP.AccessAsApp', 'POP.AccessAsApp', 'SMTP.SendAsApp'],
        ver: '2.0',
      });

    it('an app-only token logs in over IMAP, POP and SMTP', async () => {
      const token = appToken('https://outlook.office365.com');
      const options = { timeoutMs: 10000, ca: peers.ca };
      const outcomes = await Promise.all([
        openImapProbe(peers.imap, options).authenticate(MAILBOX, token),
        openPopProbe(peers.pop, options).authenticate(MAILBOX, token),
        openSmtpProbe(peers.smtp, options).authenticate(MAILBOX, token),
      ]);
      expect(outcomes.map((o) => [o.protocol, o.ok, o.stage])).toEqual([
        ['imap', true, 'logout'],
        ['pop', true, 'logout'],
        ['smtp', true, 'logout'],
      ]);
      expectNoSecret(outcomes, token);
    });

    it('these peers refuse the delegated audience: the audience setting is one value', async () => {
      const token = appToken('https://outlook.office.com');
      const outcome = await openImapProbe(peers.imap, {
        timeoutMs: 10000,
        ca: peers.ca,
      }).authenticate(MAILBOX, token);
      expect(outcome).toMatchObject({ ok: false, code: 'NO [AUTHENTICATIONFAILED]' });
      expectNoSecret([outcome], token);
    });
  },
);
