// `npm start` never leaves a mail server running: interrupted with Ctrl-C (SIGINT to its whole
// process group, as a terminal sends it) or cut off by a reader that goes away (`npm start |
// head -1`), it stops Dovecot and Postfix before it exits. Also: `--help` starts nothing, and
// a run whose checks need no mailbox starts no mail server.
import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { peersUnavailable } from '../../scripts/mail-peers/peers.js';

const unavailable = peersUnavailable();

/** Like a terminal job: `npm start` in a process group of its own, output piped. */
function npmStart(...args: string[]) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(NODE_OPTIONS|JEST_|M365_)/.test(k)) env[k] = v;
  const child = spawn('npm', ['start', '--silent', '--', ...args], {
    env: { ...env, NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  /** Resolves with the daemons' PIDs once the run says it started them, or [] if it never does. */
  const pids = new Promise<number[]>((found) => {
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const match = /\(pids (\d+), (\d+);/.exec(stdout);
      if (match) found([Number(match[1]), Number(match[2])]);
    });
    child.stdout.on('close', () => found([]));
  });
  return { child, pids, exited, output: () => ({ stdout, stderr }) };
}

/** Whether a process of this group still runs (a zombie waiting to be reaped does not). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  // Members may be zombies only: look for one that is not.
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

describe('npm start, without booting what it does not need', () => {
  it('--help documents --scenario and --list-scenarios and starts nothing', async () => {
    const run = npmStart('--help');
    expect(await run.exited).toBe(0);
    const { stdout } = run.output();
    expect(stdout).toContain('--scenario NAME');
    expect(stdout).toContain('--list-scenarios');
    expect(stdout).toContain('root');
    expect(stdout).not.toContain('Sandbox tenant on');
  });

  it('starts no mail server when the checks need no mailbox', async () => {
    const run = npmStart('--checks', 'token');
    expect(await run.exited).toBe(0);
    const { stdout } = run.output();
    expect(stdout).toContain('Result: PASS');
    expect(stdout).not.toContain('Mail servers:');
    expect(stdout).not.toContain('Mailbox checks left out');
  });
});

(unavailable ? describe.skip : describe)(
  `npm start stops the mail servers however it ends${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    it('on Ctrl-C (SIGINT to the process group)', async () => {
      const run = npmStart();
      const [dovecot, postfix] = await run.pids;
      expect(dovecot).toBeGreaterThan(0);
      process.kill(-run.child.pid!, 'SIGINT');
      await run.exited;
      expect({ dovecot: groupAlive(dovecot!), postfix: groupAlive(postfix!) }).toEqual({
        dovecot: false,
        postfix: false,
      });
    }, 30_000);

    it('when the reader of its output goes away (npm start | head -1)', async () => {
      const run = npmStart();
      const [dovecot, postfix] = await run.pids;
      expect(dovecot).toBeGreaterThan(0);
      // What head does after its first line: close its end of the pipe.
      run.child.stdout.destroy();
      await run.exited;
      expect({ dovecot: groupAlive(dovecot!), postfix: groupAlive(postfix!) }).toEqual({
        dovecot: false,
        postfix: false,
      });
      expect(run.output().stderr).not.toMatch(/EPIPE|Error:/);
    }, 30_000);
  },
);
