// The two daemons as processes: launched in process groups of their own, stopped by PID, and
// "stopped" means no process of either group still runs.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const DOVECOT_BIN = '/usr/sbin/dovecot';
export const POSTFIX_MASTER_BIN = '/usr/lib/postfix/sbin/master';

export interface Daemon {
  name: 'dovecot' | 'postfix';
  child: ChildProcess;
  hasExited: () => boolean;
}

/** `dovecotEnv`: variables for Dovecot beyond ours (its config imports the ones it uses). */
export function launch(
  dc: string,
  pf: string,
  detach: boolean,
  dovecotEnv: Record<string, string> = {},
): Daemon[] {
  const start = (
    name: Daemon['name'],
    bin: string,
    args: string[],
    logFile: string,
    env: Record<string, string> = {},
  ): Daemon => {
    const log = fs.openSync(logFile, 'a');
    // detached: own process group, so stop() can tell when every child is gone.
    const child = spawn(bin, args, {
      detached: true,
      stdio: ['ignore', log, log],
      env: { ...process.env, ...env },
    });
    fs.closeSync(log);
    let done = false;
    child.once('exit', () => (done = true));
    child.once('error', () => (done = true));
    if (detach) child.unref(); // the CLI exits and leaves the daemons running
    return { name, child, hasExited: () => done };
  };
  return [
    // -F: stay in the foreground, so the spawned PID is the master.
    start(
      'dovecot',
      DOVECOT_BIN,
      ['-F', '-c', path.join(dc, 'dovecot.conf')],
      path.join(dc, 'log', 'stdout.log'),
      dovecotEnv,
    ),
    // -s keeps stdout open for maillog_file = /dev/stdout (there is no syslog here).
    start(
      'postfix',
      POSTFIX_MASTER_BIN,
      ['-c', path.join(pf, 'etc'), '-s'],
      path.join(pf, 'postfix.log'),
    ),
  ];
}

export async function stopDaemons(daemons: Daemon[]) {
  await stopPeerProcesses(
    Object.fromEntries(daemons.flatMap((d) => (d.child.pid ? [[d.name, d.child.pid]] : []))),
  );
}

/**
 * Stops the daemons by PID (each leads its own process group) and waits until no process of
 * either group runs. Works from another process too (the CLI's `down`).
 */
export async function stopPeerProcesses(pids: { dovecot?: number; postfix?: number }) {
  await Promise.all(
    Object.entries(pids).map(async ([name, pgid]) => {
      if (!pgid) return;
      // Dovecot's graceful stop sleeps ~2 s by design and this instance's state is thrown away,
      // so its whole group is killed; Postfix's master stops quickly and cleanly on TERM.
      if (name === 'dovecot') killGroup(pgid, 'SIGKILL');
      else killGroup(pgid, 'SIGTERM', true);
      await waitUntil(() => !groupAlive(pgid), 10000, `${name} process group ${pgid}`);
    }),
  );
}

function killGroup(pgid: number, signal: NodeJS.Signals, leaderOnly = false) {
  try {
    process.kill(leaderOnly ? pgid : -pgid, signal);
  } catch {
    // already gone
  }
}

/**
 * Whether any process of the group still runs. Zombies do not count: they hold no ports or
 * files, and this machine's init reaps orphans only every second or so.
 */
function groupAlive(pgid: number): boolean {
  if (!fs.existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // "pid (comm) state ppid pgrp ..."; comm may contain spaces and parentheses.
    const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(group) === pgid && state !== 'Z') return true;
  }
  return false;
}

export async function waitUntil(check: () => boolean, limitMs: number, what: string) {
  const deadline = performance.now() + limitMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
