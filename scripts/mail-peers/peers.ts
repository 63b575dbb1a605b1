// Real XOAUTH2 mail servers on loopback for tests: Dovecot 2.3 (IMAPS, POP3S) validating JWTs
// locally, and Postfix 3.7 (SMTP + STARTTLS) passing SASL through to Dovecot's auth.
// Recipe and every gotcha: /work/shared/reference/mail-peers.md (sections 2, 4, 6).
// Ports are picked at run time, readiness is the servers' own greeting, and stop() ends both
// process groups by PID and waits until no member is left.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import {
  DOVECOT_BIN,
  launch,
  POSTFIX_MASTER_BIN,
  stopDaemons,
  stopPeerProcesses,
} from './processes.js';
import { freePorts, waitForGreetings } from './readiness.js';

export { stopPeerProcesses };

export interface PeerEndpoint {
  host: string;
  port: number;
}

export interface StartPeersOptions {
  /** SPKI PEM of the key that signs test tokens, and its kid (the JWT header's). */
  publicKeyPem: string;
  kid: string;
  /** Client ids that appear as `azp`: Dovecot looks the key up under that name when present. */
  clientIds: string[];
  /** Accepted `iss` values (space separated in Dovecot's config). */
  issuers: string[];
  /**
   * Required `aud`. One value only: Dovecot 2.3's `audience` compares the whole setting as one
   * string, and its XOAUTH2 mechanism consults only the first oauth2 passdb, so a second passdb
   * with another audience is never tried (both checked on deb12u7).
   */
  audience: string;
  /**
   * Token claim that names the mailbox (default `upn`). The sandbox tenant's tokens carry a
   * `mailbox` claim standing in for Exchange's mailbox permission, present in app-only tokens too.
   */
  usernameClaim?: string;
  /**
   * When set, the SMTP server refuses every login whose token is valid with this text, as
   * Postfix relays a refusal reason from Dovecot's auth: `535 5.7.8 Error: authentication
   * failed: <text>` (Postfix's own prefix). A bad token is still refused as usual; IMAP and POP3
   * are not affected. One line of printable text (dovecot-smtp-refusal.conf.in says how).
   */
  smtpRefusal?: string;
  /** Instance folder; a fresh one under the OS temp folder by default. Removed by stop(). */
  dir?: string;
  /** Keep the folder (logs) after stop(), for debugging. */
  keepDir?: boolean;
  /** Leave the daemons running when this process exits (CLI use); stop with stopPeerProcesses. */
  detach?: boolean;
  /** Give up waiting for greetings after this long. */
  startTimeoutMs?: number;
  /**
   * Told the daemons' PIDs (each leads its own process group) the moment they are launched,
   * before they are ready: a caller interrupted while waiting can still stop them.
   */
  onLaunch?: (pids: { dovecot?: number; postfix?: number }) => void;
}

export interface RunningPeers {
  imap: PeerEndpoint;
  pop: PeerEndpoint;
  smtp: PeerEndpoint;
  /** PEM of the self-signed server certificate (SAN localhost, 127.0.0.1): pass it as `ca`. */
  ca: string;
  dir: string;
  /** Dovecot's log: one `oauth2 failed: <reason>` line per refused token. */
  logPath: string;
  postfixLogPath: string;
  startupMs: number;
  pids: { dovecot: number; postfix: number };
  stop(): Promise<void>;
}

/** Why real peers cannot run here, or undefined when they can. */
export function peersUnavailable(): string | undefined {
  if (process.env.MAIL_PEERS === 'off') return 'MAIL_PEERS=off';
  for (const bin of [DOVECOT_BIN, POSTFIX_MASTER_BIN]) {
    if (!fs.existsSync(bin)) {
      return `${bin} is not installed (apt-get install dovecot-imapd dovecot-pop3d postfix)`;
    }
  }
  // Both masters drop privileges themselves and Postfix's queue must be owned by 'postfix'.
  if (process.getuid?.() !== 0) return 'Dovecot + Postfix test peers need to run as root';
  if (lookupId('/etc/passwd', 'postfix') === undefined) return "no 'postfix' user";
  if (lookupId('/etc/group', 'postdrop') === undefined) return "no 'postdrop' group";
  return undefined;
}

const HERE = path.dirname(new URL(import.meta.url).pathname);
/** Carries `smtpRefusal` to Dovecot's auth process (imported by dovecot-smtp-refusal.conf.in). */
const REFUSAL_ENV = 'MAIL_PEERS_SMTP_REFUSAL';
const HOST = '127.0.0.1';

export async function startPeers(options: StartPeersOptions): Promise<RunningPeers> {
  const unavailable = peersUnavailable();
  if (unavailable) throw new Error(unavailable);
  if (options.smtpRefusal !== undefined && !/^[\x20-\x7e]{1,400}$/.test(options.smtpRefusal))
    throw new Error('smtpRefusal must be one line of 1-400 printable ASCII characters');
  const t0 = performance.now();
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mail-peers-'));
  fs.mkdirSync(dir, { recursive: true });
  // mkdtemp makes it 0700; the daemons' unprivileged users (postfix, nobody) must traverse it.
  fs.chmodSync(dir, 0o755);
  const dc = path.join(dir, 'dc');
  const pf = path.join(dir, 'pf');
  const discard = () => {
    if (!options.keepDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await layout(dc, pf, options);
  } catch (error) {
    discard();
    throw error;
  }
  const ca = fs.readFileSync(path.join(dc, 'tls', 'cert.pem'), 'utf8');

  // A port picked free can be taken before the daemon binds it: try again with new ones, all
  // within one deadline so a caller's own timeout (jest's beforeAll) is not overrun.
  const deadline = performance.now() + (options.startTimeoutMs ?? 15000);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3 && performance.now() < deadline; attempt++) {
    const [imaps, pop3s, smtp] = await freePorts(3);
    writeConfigs(dir, dc, pf, { imaps: imaps!, pop3s: pop3s!, smtp: smtp! }, options);
    const daemons = launch(dc, pf, options.detach ?? false, {
      ...(options.smtpRefusal === undefined ? {} : { [REFUSAL_ENV]: options.smtpRefusal }),
    });
    options.onLaunch?.({ dovecot: daemons[0]?.child.pid, postfix: daemons[1]?.child.pid });
    try {
      await waitForGreetings(
        [
          { kind: 'imap', port: imaps!, tls: true },
          { kind: 'pop', port: pop3s!, tls: true },
          { kind: 'smtp', port: smtp!, tls: false },
        ],
        ca,
        daemons,
        deadline,
      );
    } catch (error) {
      lastError = error;
      await stopDaemons(daemons);
      continue;
    }
    return {
      imap: { host: HOST, port: imaps! },
      pop: { host: HOST, port: pop3s! },
      smtp: { host: HOST, port: smtp! },
      ca,
      dir,
      logPath: path.join(dc, 'log', 'dovecot.log'),
      postfixLogPath: path.join(pf, 'postfix.log'),
      startupMs: Math.round(performance.now() - t0),
      pids: { dovecot: daemons[0]!.child.pid!, postfix: daemons[1]!.child.pid! },
      stop: async () => {
        await stopDaemons(daemons);
        discard();
      },
    };
  }
  // Say why: the daemons' own words are in their logs, which go away with the folder.
  const logs = [path.join(dc, 'log', 'dovecot.log'), path.join(pf, 'postfix.log')]
    .map((log) => `--- ${log}\n${tail(log, 15)}`)
    .join('\n');
  discard();
  const reason = lastError instanceof Error ? lastError.message : 'start-up deadline passed';
  throw new Error(`mail peers did not start: ${reason}\n${logs}`);
}

async function layout(dc: string, pf: string, options: StartPeersOptions) {
  for (const sub of ['tls', 'log', 'state', 'home'])
    fs.mkdirSync(path.join(dc, sub), { recursive: true });
  for (const sub of ['etc', 'data', 'queue']) fs.mkdirSync(path.join(pf, sub), { recursive: true });
  fs.chmodSync(path.join(dc, 'home'), 0o777); // mail processes run as 'nobody'
  // A fresh certificate per run; EC keeps generation at a few ms. SAN covers both host forms.
  await promisify(execFile)('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', path.join(dc, 'tls', 'key.pem'), '-out', path.join(dc, 'tls', 'cert.pem'),
  ]); // prettier-ignore
  // Key dict lookup is <azp or "default">/RS256/<kid>; v2-style tokens carry azp = client id.
  for (const owner of ['default', ...options.clientIds]) {
    const keyDir = path.join(dc, 'keys', escapeDictName(owner), 'RS256');
    fs.mkdirSync(keyDir, { recursive: true });
    fs.writeFileSync(path.join(keyDir, escapeDictName(options.kid)), options.publicKeyPem);
  }
  // Postfix queue layout as 'post-install create-missing' makes it (which takes ~2 s).
  const postfixUid = lookupId('/etc/passwd', 'postfix')!;
  const postdropGid = lookupId('/etc/group', 'postdrop')!;
  const queue = path.join(pf, 'queue');
  const qdirs: [string, number, number][] = [
    ...['active', 'bounce', 'corrupt', 'defer', 'deferred', 'flush', 'hold', 'incoming']
      .concat(['private', 'saved', 'trace'])
      .map((q): [string, number, number] => [q, 0, 0o700]),
    ['maildrop', postdropGid, 0o730],
    ['public', postdropGid, 0o710],
  ];
  for (const [name, gid, mode] of qdirs) {
    const q = path.join(queue, name);
    fs.mkdirSync(q, { recursive: true });
    fs.chownSync(q, postfixUid, gid);
    fs.chmodSync(q, mode);
  }
  fs.mkdirSync(path.join(queue, 'pid'), { recursive: true, mode: 0o755 });
  fs.chownSync(path.join(pf, 'data'), postfixUid, 0);
}

function writeConfigs(
  dir: string,
  dc: string,
  pf: string,
  ports: { imaps: number; pop3s: number; smtp: number },
  options: StartPeersOptions,
) {
  const values: Record<string, string | undefined> = {
    DIR: dc,
    DCDIR: dc,
    PFDIR: pf,
    NAME: path.basename(dir),
    P_IMAPS: String(ports.imaps),
    P_POP3S: String(ports.pop3s),
    P_SMTP: String(ports.smtp),
    ISSUERS: options.issuers.join(' '),
    AUDIENCE: options.audience,
    USERNAME_CLAIM: options.usernameClaim ?? 'upn',
    REFUSAL_ENV,
  };
  const filled = (template: string) =>
    fs
      .readFileSync(path.join(HERE, template), 'utf8')
      .replace(/@([A-Z_0-9]+)@/g, (whole, key: string) => values[key] ?? whole);
  const oauth2 = filled('dovecot-oauth2.conf.ext.in');
  let dovecot = filled('dovecot.conf.in');
  if (options.smtpRefusal !== undefined) {
    // The SMTP-only passdb: the same token checks, and the refusal text as its `reason` field.
    fs.writeFileSync(
      path.join(dc, 'dovecot-oauth2-smtp.conf.ext'),
      `${oauth2}pass_attrs = reason=%{env:${REFUSAL_ENV}}\n`,
    );
    dovecot += filled('dovecot-smtp-refusal.conf.in');
  }
  fs.writeFileSync(path.join(dc, 'dovecot.conf'), dovecot);
  fs.writeFileSync(path.join(dc, 'dovecot-oauth2.conf.ext'), oauth2);
  fs.writeFileSync(path.join(pf, 'etc', 'main.cf'), filled('postfix-main.cf.in'));
  fs.writeFileSync(path.join(pf, 'etc', 'master.cf'), filled('postfix-master.cf.in'));
  // Postfix sleeps and re-reads a config file modified within the last second: back-date them.
  const past = new Date(Date.now() - 5000);
  for (const f of ['main.cf', 'master.cf']) fs.utimesSync(path.join(pf, 'etc', f), past, past);
  // A stale anvil socket from an earlier start makes auth retry for 5 s: start with no run dir.
  fs.rmSync(path.join(dc, 'run'), { recursive: true, force: true });
}

function lookupId(file: string, name: string): number | undefined {
  const line = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const id = line?.split(':')[2];
  return id === undefined ? undefined : Number(id);
}

/** Dovecot's dict escaping for key names: '%' -> %25, '/' -> %2f. */
function escapeDictName(name: string): string {
  return name.replace(/%/g, '%25').replace(/\//g, '%2f');
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
