// `npm start` (scripts/start.ts through tsx, as a newcomer runs it): the CLI against the sandbox
// tenant passes; a scenario shows its failure and fix; unknown scenarios are usage errors; a
// newcomer who is not root gets a passing run without the mailbox logins and is told why.
import { describe, expect, it } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { peersUnavailable } from '../../scripts/mail-peers/peers.js';
import { findScenario, SCENARIOS } from '../../sandbox/scenarios.js';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');

/** uid/gid of `nobody`: a normal user, as most newcomers are. */
const NOBODY = 65534;

function start(...args: string[]) {
  return startAs(undefined, ...args);
}

function startAs(uid: number | undefined, ...args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(NODE_OPTIONS|JEST_|M365_)/.test(k)) env[k] = v;
  const child = spawn(process.execPath, [TSX, 'scripts/start.ts', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code) => done({ code, stdout, stderr })),
  );
}

describe('npm start', () => {
  it('prints a passing preflight against the sandbox tenant', async () => {
    const run = await start();
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("scenario 'healthy'");
    expect(run.stdout).toMatch(/✔ PASS {2}Access token/);
    expect(run.stdout).toContain('Result: PASS');
  });

  it('shows a scenario’s failure with its fix, exit 1', async () => {
    const run = await start('--scenario', 'wrong-password');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✘ FAIL {2}Access token +AADSTS50126/);
    expect(run.stdout).toMatch(/Fix: .*password/);
    expect(run.stdout).not.toContain('not the password');
  });

  it('lists the scenarios, and refuses an unknown one with exit 64', async () => {
    const list = await start('--list-scenarios');
    expect(list.code).toBe(0);
    for (const scenario of SCENARIOS) expect(list.stdout).toContain(scenario.name);
    const unknown = await start('--scenario', 'no-such-thing');
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('--list-scenarios');
  });

  it('`npm start -- setup` shows the plan, applies it, and the preflight then passes', async () => {
    const run = await start('setup');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("state 'empty'");
    expect(run.stdout).toMatch(/✗ Service principal \(Enterprise application\): missing/);
    expect(run.stdout).toMatch(/✓ POST \/v1\.0\/servicePrincipals → HTTP 201/);
    expect(run.stdout).toContain('New-ServicePrincipal -AppId');
    expect(run.stdout).toContain('Result: PASS');
  });
});

// Only root can switch to another user, and that user must be able to read this checkout.
const nonRootSkip =
  process.getuid?.() !== 0
    ? 'skipped: switching to a normal user needs root'
    : spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(TSX)})`], {
          uid: NOBODY,
          gid: NOBODY,
        }).status !== 0
      ? `skipped: uid ${NOBODY} cannot read this checkout`
      : undefined;

(nonRootSkip ? describe.skip : describe)(
  `npm start as a normal user (uid ${NOBODY})${nonRootSkip ? ` (${nonRootSkip})` : ''}`,
  () => {
    it('passes without the mailbox logins and says what root adds', async () => {
      const run = await startAs(NOBODY);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Mailbox checks left out: ');
      expect(run.stdout).toContain('need to run as root');
      expect(run.stdout).toContain('npm start also logs in over IMAP, POP and SMTP');
      expect(run.stdout).not.toMatch(/Mailbox login/);
      expect(run.stdout).toContain('Result: PASS');
    });
  },
);

const noMail = peersUnavailable();
(noMail ? describe.skip : describe)(
  `npm start, a mailbox refusal through the real Postfix${noMail ? ` (skipped: ${noMail})` : ''}`,
  () => {
    it('--scenario smtp-auth-disabled-tenant: the SMTP row alone fails, named as the tenant switch, with its fix', async () => {
      const run = await start('--scenario', 'smtp-auth-disabled-tenant');
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('Mail servers: Dovecot IMAP/POP3 and Postfix SMTP');
      expect(run.stdout).toMatch(
        /✘ FAIL {2}Mailbox login \(SMTP\) +SMTP authenticate refused for alice@contoso\.example at 127\.0\.0\.1:\d+: SMTP AUTH .*turned off for the whole tenant/,
      );
      expect(run.stdout).toMatch(
        /Fix: In Exchange Online PowerShell: Set-TransportConfig -SmtpClientAuthenticationDisabled \$false/,
      );
      // What the real Postfix sent: its own prefix, then Exchange's reply as the scenario has it.
      expect(run.stdout).toContain(
        `S: 535 5.7.8 Error: authentication failed: ${findScenario('smtp-auth-disabled-tenant')!.smtpRefusal}`,
      );
      expect(run.stdout).not.toMatch(/Mailbox login \((IMAP|POP)\)/);
      expect(run.stdout).toContain('Result: FAIL (1 failed, 2 passed)');
    });
  },
);
