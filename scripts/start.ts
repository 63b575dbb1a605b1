// `npm start`: the CLI's engine against the built-in sandbox tenant, so a newcomer sees a whole
// preflight pass on a fresh clone, offline. `npm start -- --scenario NAME` runs one setup mistake
// and shows its diagnosis and fix; `npm start -- --list-scenarios` lists them. Any other flags
// are passed to the CLI (e.g. `--json`, `--verbose`). `npm start -- setup` runs the setup assistant
// against a sandbox tenant (scripts/start-assistant.ts).
import { runCli } from '../src/cli/main.js';
import { startSandbox } from '../sandbox/server.js';
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

/** The checks the sandbox answers alone; the mailbox probes also need local mail servers. */
const SANDBOX_CHECKS = 'permissions, token, secret-expiry';
const SECRET_INPUTS: Record<string, string> = {
  'client-secret': 'M365_CLIENT_SECRET',
  password: 'M365_PASSWORD',
};

const args = process.argv.slice(2);
// `npm start -- setup` / `npm start -- consent`: the setup assistant's demo (scripts/start-assistant.ts).
if (args[0] === 'setup' || args[0] === 'consent') {
  const { startAssistant } = await import('./start-assistant.js');
  const code = await startAssistant(args);
  // Let stdout drain before exiting (a pipe may still hold the plan).
  await new Promise<void>((done) => process.stdout.write('', () => done()));
  process.exit(code);
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
const passThrough = args.filter((_, i) => (i !== at && i !== at + 1) || at < 0);

const started = performance.now();
// Secretless scenarios: a certificate made now (uploaded to the app unless the scenario says not).
const tenant = healthyTenant();
const certificate = scenario.credential?.endsWith('certificate') ? makeCertificate() : undefined;
if (certificate && scenario.credential === 'certificate') registerCertificate(tenant, certificate);
const sandbox = await startSandbox({ scenario: scenario.name, tenant });
// Where Dovecot and Postfix are installed (as `.ci/run` does) and we run as root, the mailbox
// probes log in to real local servers that trust the sandbox's tokens; elsewhere they are left out.
const noMail = peersUnavailable();
const peers: RunningPeers | undefined = noMail
  ? undefined
  : await startPeers({
      publicKeyPem: sandbox.key.publicKeyPem,
      kid: sandbox.key.kid,
      clientIds: [SANDBOX_CLIENT_ID],
      issuers: [`https://sts.windows.net/${SANDBOX_TENANT_ID}/`],
      // App-only tokens carry the app-only resource as their audience.
      audience:
        scenario.inputs?.grant === 'client-credentials' || scenario.credential
          ? 'https://outlook.office365.com'
          : 'https://outlook.office.com',
      usernameClaim: 'mailbox',
    }).catch(() => undefined);
try {
  const inputs: Record<string, string> = {
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    username: SANDBOX_USER,
    checks: peers ? `${SANDBOX_CHECKS}, mailbox` : SANDBOX_CHECKS,
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
  for (const [input, value] of Object.entries(scenario.inputs ?? {})) {
    if (SECRET_INPUTS[input]) env[SECRET_INPUTS[input]] = value;
    else inputs[input] = value;
  }
  // Without local mail servers a scenario's mailbox check would reach for Microsoft's hosts.
  if (!peers && inputs.checks)
    inputs.checks = inputs.checks
      .split(',')
      .map((c) => c.trim())
      .filter((c) => c !== 'mailbox')
      .join(', ');
  const argv = [
    ...Object.entries(inputs).flatMap(([input, value]) => [`--${input}`, value]),
    ...passThrough,
  ];
  if (!passThrough.includes('--json')) {
    console.log(
      `Sandbox tenant on ${sandbox.url}, scenario '${scenario.name}': ${scenario.description}`,
    );
    console.log(
      peers
        ? `Mail servers: Dovecot IMAP/POP3 and Postfix SMTP on 127.0.0.1 (they trust the sandbox's tokens)\n`
        : `Mailbox probes left out: ${noMail ?? 'the local mail servers did not start'}\n`,
    );
  }
  process.exitCode = await runCli(argv, {
    env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    mailCa: peers?.ca,
  });
  if (!passThrough.includes('--json'))
    console.log(
      `\n(${Math.round(performance.now() - started)} ms against the sandbox; exit status ${process.exitCode})`,
    );
} finally {
  await sandbox.close();
  await peers?.stop();
}
