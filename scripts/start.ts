// `npm start`: the CLI's engine against the built-in sandbox tenant, so a newcomer sees a whole
// preflight pass on a fresh clone, offline. `npm start -- --scenario NAME` runs one setup mistake
// and shows its diagnosis and fix; `npm start -- --list-scenarios` lists them; `--help` says all
// this without starting anything. Any other flags are passed to the CLI (`--json`, `--verbose`).
//
// Where Dovecot and Postfix are installed and we run as root, the mailbox checks log in to real
// local mail servers that trust the sandbox's tokens; they are started only when a check needs
// them, in process groups of their own, and stopped by PID however this process ends: normally,
// on Ctrl-C (SIGINT), SIGTERM or SIGHUP, when the reader of its output goes away
// (`npm start | head -1`: EPIPE), or on a crash (the 'exit' handler kills both groups).
// package.json runs it as `node --import tsx`, not through tsx's CLI: that one relays Ctrl-C to
// its child and SIGKILLs it when the child has not confirmed within 30 ms, which a busy run
// cannot promise, and a SIGKILLed run can stop nothing.
// `npm start -- setup` runs the setup assistant against a sandbox tenant (scripts/start-assistant.ts).
import { runCli } from '../src/cli/main.js';
import { startSandbox, type Sandbox } from '../sandbox/server.js';
import { peersUnavailable, startPeers, type RunningPeers } from './mail-peers/peers.js';
import { SCENARIOS, findScenario } from '../sandbox/scenarios.js';
import { makeCertificate } from '../sandbox/x509.js';
import {
  healthyTenant,
  registerCertificate,
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../sandbox/tenant.js';

const DEFAULT_CHECKS = 'permissions, token, secret-expiry, mailbox';
const SECRET_INPUTS: Record<string, string> = {
  'client-secret': 'M365_CLIENT_SECRET',
  password: 'M365_PASSWORD',
};
const SIGNALS = { SIGINT: 2, SIGHUP: 1, SIGTERM: 15 } as const;

const HELP = `npm start [-- OPTIONS]: the preflight against the built-in sandbox tenant (offline).

  --scenario NAME      run one setup mistake and show its diagnosis and fix (default: healthy)
  --list-scenarios     list the scenarios
  -h, --help           this text (nothing is started)
  anything else        passed to the CLI, e.g. --json, --verbose, --checks token

The mailbox checks (IMAP, POP, SMTP logins) use real local Dovecot and Postfix servers, which
need root and the Debian packages dovecot-imapd dovecot-pop3d postfix (.ci/run installs them).
Without them the run leaves the mailbox checks out and says why; MAIL_PEERS=off does so too.
The servers start only when a check needs them and stop when this run ends, also on Ctrl-C.
`;

const args = process.argv.slice(2);
// `npm start -- setup` / `npm start -- consent`: the setup assistant's demo (scripts/start-assistant.ts).
if (args[0] === 'setup' || args[0] === 'consent') {
  const { startAssistant } = await import('./start-assistant.js');
  const code = await startAssistant(args);
  // Let stdout drain before exiting (a pipe may still hold the plan).
  await new Promise<void>((done) => process.stdout.write('', () => done()));
  process.exit(code);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (args.includes('--list-scenarios')) {
  const width = Math.max(...SCENARIOS.map((s) => s.name.length));
  for (const s of SCENARIOS) console.log(`${s.name.padEnd(width)}  ${s.description}`);
  process.exit(0);
}
const at = args.indexOf('--scenario');
const name = at >= 0 ? args[at + 1] : 'healthy';
const scenario = name ? findScenario(name) : undefined;
if (!scenario) {
  console.error(`unknown scenario '${name ?? ''}'; npm start -- --list-scenarios lists them`);
  process.exit(64);
}
let passThrough = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
// `--checks` given on the command line replaces the default list (it would otherwise add to it).
const checksAt = passThrough.findIndex((a) => a === '--checks' || a.startsWith('--checks='));
const userChecks =
  checksAt < 0
    ? undefined
    : passThrough[checksAt]!.startsWith('--checks=')
      ? passThrough[checksAt]!.slice('--checks='.length)
      : passThrough[checksAt + 1];
if (checksAt >= 0)
  passThrough = passThrough.filter(
    (_, i) => i !== checksAt && (passThrough[checksAt]!.includes('=') || i !== checksAt + 1),
  );

// --- Cleanup, whatever ends this process ---------------------------------------------------
const running: { sandbox?: Sandbox; peers?: RunningPeers } = {};
/** Mail server process groups launched and not yet stopped (known before they are ready). */
const launched = new Set<number>();
let stopping: Promise<void> | undefined;

function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    const { sandbox, peers } = running;
    await sandbox?.close().catch(() => undefined);
    if (peers) {
      // Stopped and waited for: their PIDs may be reused from now on, so forget them.
      if (
        await peers.stop().then(
          () => true,
          () => false,
        )
      )
        launched.clear();
    }
    killLaunched(); // started but not ready yet, or a stop that failed
  })();
  return stopping;
}
/** Synchronous: usable in the 'exit' handler, where nothing asynchronous runs any more. */
function killLaunched() {
  for (const pgid of launched) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  launched.clear();
}
process.on('exit', killLaunched);
for (const [signal, number] of Object.entries(SIGNALS))
  process.on(signal, () => {
    void stopEverything().finally(() => process.exit(128 + number));
  });
// The reader went away (`npm start | head -1`): stop quietly, as `yes | head -1` does.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    void stopEverything().finally(() => process.exit(0));
  });

// --- The run -------------------------------------------------------------------------------
const started = performance.now();
const json = passThrough.includes('--json');
const scenarioInputs = scenario.inputs ?? {};
const wantedChecks = scenarioInputs.checks ?? userChecks ?? DEFAULT_CHECKS;
const needsMail = /\bmailbox\b/.test(wantedChecks);
const noMail = needsMail ? peersUnavailable() : undefined;
// Secretless scenarios sign in app-only too.
const appOnly =
  (scenarioInputs.grant ?? '') === 'client-credentials' ||
  args.includes('client-credentials') ||
  scenario.credential !== undefined;

// Secretless scenarios: a certificate made now (uploaded to the app unless the scenario says not).
const tenant = healthyTenant();
const certificate = scenario.credential?.endsWith('certificate') ? makeCertificate() : undefined;
if (certificate && scenario.credential === 'certificate') registerCertificate(tenant, certificate);

const sandbox = (running.sandbox = await startSandbox({ scenario: scenario.name, tenant }));
if (needsMail && !noMail) {
  running.peers = await startPeers({
    publicKeyPem: sandbox.key.publicKeyPem,
    kid: sandbox.key.kid,
    clientIds: [SANDBOX_CLIENT_ID],
    issuers: [`https://sts.windows.net/${SANDBOX_TENANT_ID}/`],
    // Exchange's two audiences: delegated tokens are for outlook.office.com, app-only ones for
    // outlook.office365.com; Dovecot 2.3 takes one value, so the servers match the grant.
    audience: appOnly ? 'https://outlook.office365.com' : 'https://outlook.office.com',
    usernameClaim: 'mailbox',
    smtpRefusal: scenario.smtpRefusal,
    onLaunch: (pids) => {
      for (const pid of [pids.dovecot, pids.postfix]) if (pid) launched.add(pid);
    },
  }).catch((error: unknown) => {
    console.error(
      `The mail servers did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  });
}
const { peers } = running;
const mailLeftOut = needsMail && !peers;
const checks = mailLeftOut
  ? wantedChecks
      .split(/[,\n]/)
      .map((c) => c.trim())
      .filter((c) => c && c !== 'mailbox')
      .join(', ')
  : wantedChecks;

try {
  const inputs: Record<string, string> = {
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    username: SANDBOX_USER,
    endpoints: [
      `authority=${sandbox.url}`,
      `graph=${sandbox.url}`,
      ...(peers
        ? [
            `imap=${peers.imap.host}:${peers.imap.port}`,
            `pop=${peers.pop.host}:${peers.pop.port}`,
            `smtp=${peers.smtp.host}:${peers.smtp.port}`,
          ]
        : []),
    ].join('\n'),
  };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    M365_CLIENT_SECRET: SANDBOX_SECRET,
    M365_PASSWORD: SANDBOX_PASSWORD,
  };
  if (scenario.credential) {
    // No client secret and no password: app-only, signed in with the scenario's credential.
    delete env.M365_CLIENT_SECRET;
    delete env.M365_PASSWORD;
    inputs.grant = 'client-credentials';
    inputs['client-auth'] = certificate ? 'certificate' : 'federated';
    if (certificate) env.M365_CLIENT_CERTIFICATE = certificate.pem;
    // What the runner sets for a job with `permissions: id-token: write`.
    if (scenario.credential === 'federated') {
      env.ACTIONS_ID_TOKEN_REQUEST_URL = sandbox.github.requestUrl;
      env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = sandbox.github.requestToken;
    } else {
      delete env.ACTIONS_ID_TOKEN_REQUEST_URL;
      delete env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    }
  }
  // A scenario's secrets go where the CLI takes secrets from: the environment, never a flag.
  for (const [input, value] of Object.entries(scenarioInputs)) {
    if (SECRET_INPUTS[input]) env[SECRET_INPUTS[input]] = value;
    else inputs[input] = value;
  }
  inputs.checks = checks;
  const argv = [
    ...Object.entries(inputs).flatMap(([input, value]) => [`--${input}`, value]),
    ...passThrough,
  ];
  if (!json) {
    console.log(
      `Sandbox tenant on ${sandbox.url}, scenario '${scenario.name}': ${scenario.description}`,
    );
    if (peers)
      console.log(
        `Mail servers: Dovecot IMAP/POP3 and Postfix SMTP on 127.0.0.1, trusting the sandbox's tokens (pids ${peers.pids.dovecot}, ${peers.pids.postfix}; stopped when this run ends)\n`,
      );
    else if (needsMail)
      console.log(
        `Mailbox checks left out: ${noMail ?? 'the local mail servers did not start'}. As root with dovecot-imapd, dovecot-pop3d and postfix installed, npm start also logs in over IMAP, POP and SMTP.\n`,
      );
    else console.log('');
  }
  process.exitCode = await runCli(argv, {
    env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    mailCa: peers?.ca,
  });
  if (!json)
    console.log(
      `\n(${Math.round(performance.now() - started)} ms against the sandbox; exit status ${process.exitCode})`,
    );
} finally {
  await stopEverything();
}
