// Two workflow steps, as a runner runs them: dist/index.js gets the token and probes the real
// mail servers; a second step reads the `access-token` output and logs in to IMAP with an
// independent client (imapflow). The leak check covers the probe run, including the base64
// XOAUTH2 string.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { findLeaks, maskedBeforeUse } from '../helpers/leak-check.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';
import { nodeBinaries } from '../helpers/node-binaries.js';
import { runAction } from '../helpers/run-action.js';

const key = generateSigningKey('two-step-kid');
const unavailable = mailPeersUnavailable();
const { available, missing } = nodeBinaries();
let sandbox: Sandbox;
let peers: MailPeers;
let caFile: string;

for (const reason of missing) it.skip(`two-step run on ${reason}`, () => undefined);

(unavailable ? describe.skip : describe)(
  `dist/index.js then a second step, against real mail servers${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeAll(async () => {
      sandbox = await startSandbox({ key });
      peers = await startSandboxMailPeers(key);
      caFile = join(mkdtempSync(join(tmpdir(), 'm365-ca-')), 'test-ca.pem');
      writeFileSync(caFile, peers.ca);
    }, 30_000);
    afterAll(async () => {
      await sandbox?.close();
      await peers?.stop();
    }, 30_000);

    it.each(available)(
      '$name: probes pass, then the token output logs in to IMAP',
      async ({ path: node }) => {
        const run = await runAction(
          {
            'tenant-id': SANDBOX_TENANT_ID,
            'client-id': SANDBOX_CLIENT_ID,
            'client-secret': SANDBOX_SECRET,
            username: SANDBOX_USER,
            password: SANDBOX_PASSWORD,
            checks: 'token, mailbox',
            endpoints: [
              `authority=${sandbox.url}`,
              `imap=${peers.imap.host}:${peers.imap.port}`,
              `smtp=${peers.smtp.host}:${peers.smtp.port}`,
            ].join('\n'),
          },
          // The runner's Node trusts the test servers' certificate the way a self-hosted runner
          // trusts a corporate CA: through NODE_EXTRA_CA_CERTS, never by turning checks off.
          { node, env: { NODE_EXTRA_CA_CERTS: caFile } },
        );
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
        const checks = (run.report!.checks as { id: string; status: string }[]).map((c) => [
          c.id,
          c.status,
        ]);
        expect(checks).toEqual([
          ['inputs', 'pass'],
          ['token', 'pass'],
          ['mailbox-imap', 'pass'],
          ['mailbox-smtp', 'pass'],
        ]);
        const token = run.outputs['access-token']!;
        const sasl = xoauth2InitialResponse(SANDBOX_USER, token);
        expect(maskedBeforeUse(run.stdout, token)).toBe(true);
        expect(run.stdout).toContain(`::add-mask::${sasl}`);
        expect(
          findLeaks(run, [
            SANDBOX_SECRET,
            SANDBOX_PASSWORD,
            token,
            run.outputs['refresh-token']!,
            sasl,
          ]),
        ).toEqual([]);

        // Step 2: a later step of the same job uses the output with its own IMAP client.
        const client = new ImapFlow({
          host: peers.imap.host,
          port: peers.imap.port,
          secure: true,
          tls: { ca: [peers.ca] },
          auth: { user: SANDBOX_USER, accessToken: token },
          logger: false,
        });
        await client.connect();
        const inbox = await client.mailboxOpen('INBOX');
        expect(inbox.path).toBe('INBOX');
        await client.logout();
      },
    );
  },
);
