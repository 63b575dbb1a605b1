// The mailbox checks through dist/index.js, run as a runner runs it, against real Dovecot and
// Postfix: an app-only (client-credentials) token on peers that accept the app-only audience,
// read-protocol pop, and lazy loading (a token-only run never loads the probe chunk). Every run
// goes through runActionChecked, whose leak check looks for each issued token and its XOAUTH2
// string.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKey } from '../../sandbox/jwt.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../../sandbox/tenant.js';
import { runActionChecked } from '../helpers/checked-run.js';
import {
  mailPeersUnavailable,
  startSandboxMailPeers,
  type MailPeers,
} from '../helpers/mail-peers.js';

const key = generateSigningKey('dist-mailbox-kid');
const unavailable = mailPeersUnavailable();
let sandbox: Sandbox;
let delegated: MailPeers;
let appOnly: MailPeers;
let caDir: string;

const peers = (audience: string): Promise<MailPeers> => startSandboxMailPeers(key, audience);

function inputs(p: MailPeers, more: Record<string, string> = {}): Record<string, string> {
  return {
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
    ...more,
  };
}

/** The runner's Node trusts the test servers' CA as a self-hosted runner trusts a corporate CA. */
const caEnv = (p: MailPeers) => {
  const file = join(caDir, `${p.imap.port}.pem`);
  writeFileSync(file, p.ca);
  return { NODE_EXTRA_CA_CERTS: file };
};

const statuses = (report: Record<string, unknown> | undefined) =>
  (report?.checks as { id: string; status: string }[]).map((c) => [c.id, c.status]);

(unavailable ? describe.skip : describe)(
  `mailbox checks through dist/index.js against real mail servers${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    beforeAll(async () => {
      sandbox = await startSandbox({ key });
      [delegated, appOnly] = await Promise.all([
        peers('https://outlook.office.com'),
        peers('https://outlook.office365.com'),
      ]);
      caDir = mkdtempSync(join(tmpdir(), 'm365-dist-mailbox-ca-'));
    }, 30_000);
    afterAll(async () => {
      await sandbox?.close();
      await Promise.all([delegated?.stop(), appOnly?.stop()]);
    }, 30_000);

    it('client-credentials: an app-only token logs in over IMAP and SMTP', async () => {
      const run = await runActionChecked(
        inputs(appOnly, { grant: 'client-credentials', password: '' }),
        { env: caEnv(appOnly), sandbox },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(statuses(run.report)).toEqual([
        ['inputs', 'pass'],
        ['token', 'pass'],
        ['mailbox-imap', 'pass'],
        ['mailbox-smtp', 'pass'],
      ]);
      // No password was sent anywhere: the token is app-only.
      expect(sandbox.requests.filter((r) => r.form?.has('password'))).toEqual([]);
    });

    it('read-protocol pop: POP3 (AUTH XOAUTH2, STAT) instead of IMAP', async () => {
      const run = await runActionChecked(
        inputs(delegated, { 'read-protocol': 'pop', activities: 'read' }),
        { env: caEnv(delegated), sandbox },
      );
      expect(run.code).toBe(0);
      expect(statuses(run.report)).toEqual([
        ['inputs', 'pass'],
        ['token', 'pass'],
        ['mailbox-pop', 'pass'],
      ]);
      expect(run.stdout).toMatch(
        /PASS Mailbox login \(POP\): alice@contoso\.example logged in over POP/,
      );
    });

    it('a token-only run never loads the probe chunk', async () => {
      // dist/ without the chunk that holds the probes (found by its content, not its name).
      const chunks = readdirSync('dist/action').filter((f) => /^\d+\.index\.js$/.test(f));
      const probeChunks = chunks.filter((f) =>
        readFileSync(join('dist/action', f), 'utf8').includes('AUTHENTICATE XOAUTH2'),
      );
      expect(probeChunks).toHaveLength(1);
      const dir = mkdtempSync(join(tmpdir(), 'm365-dist-no-probes-'));
      mkdirSync(join(dir, 'action'));
      for (const file of ['index.js', 'package.json', 'action/index.js', 'action/package.json'])
        copyFileSync(join('dist', file), join(dir, file));
      for (const chunk of chunks.filter((f) => !probeChunks.includes(f)))
        copyFileSync(join('dist/action', chunk), join(dir, 'action', chunk));
      expect(readFileSync(join(dir, 'action/index.js'), 'utf8')).not.toContain(
        'AUTHENTICATE XOAUTH2',
      );

      const tokenOnly = await runActionChecked(inputs(delegated, { checks: 'token' }), {
        entry: join(dir, 'index.js'),
        sandbox,
      });
      expect(tokenOnly.stderr).toBe('');
      expect(tokenOnly.code).toBe(0);
      expect(statuses(tokenOnly.report)).toEqual([
        ['inputs', 'pass'],
        ['token', 'pass'],
      ]);
      // The same copy cannot probe: the chunk left out is the one the probes live in.
      const probing = await runActionChecked(inputs(delegated), {
        entry: join(dir, 'index.js'),
        env: caEnv(delegated),
        sandbox,
      });
      expect(probing.code).toBe(1);
      expect(statuses(probing.report)).toContainEqual(['mailbox-imap', 'fail']);
    });
  },
);
