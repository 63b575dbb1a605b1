// The CLI, in process against the sandbox tenant over HTTP: each exit code, secrets from the
// environment or a no-echo prompt (never a flag), --json against the report schema, colour rules.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { closestFlag } from '../../src/cli/args.js';
import { runCli } from '../../src/cli/main.js';
import { VERSION } from '../../src/version.js';
import { reportSchema } from '../../src/report/report-schema.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
  healthyTenant,
} from '../../sandbox/tenant.js';
import { FakeTerminal, cliIo } from './cli-io.js';

/** A secret value shaped like a GUID: the settings parser warns (ID instead of value?). */
const GUID_SHAPED_SECRET = 'c0ffee00-aaaa-4bbb-8ccc-ddddeeeeffff';

let sandbox: Sandbox;
beforeAll(async () => {
  const tenant = healthyTenant();
  tenant.app.secrets.push({ ...tenant.app.secrets[0]!, keyId: 'k2', value: GUID_SHAPED_SECRET });
  sandbox = await startSandbox({ tenant });
});
afterAll(() => sandbox.close());

const flags = (...extra: string[]) => [
  '--tenant-id',
  SANDBOX_TENANT_ID,
  '--client-id',
  SANDBOX_CLIENT_ID,
  '--username',
  SANDBOX_USER,
  '--checks',
  'token',
  `--endpoints=authority=${sandbox.url}`,
  '--endpoints',
  `graph=${sandbox.url}`,
  ...extra,
];
const secretsEnv = { M365_CLIENT_SECRET: SANDBOX_SECRET, M365_PASSWORD: SANDBOX_PASSWORD };
const everything = (o: { stdout: { text: string }; stderr: { text: string } }) =>
  o.stdout.text + o.stderr.text;

describe('m365-mail-preflight (CLI)', () => {
  it('exits 0 on a pass, with the secrets taken from the environment', async () => {
    const before = sandbox.requests.length;
    const run = cliIo(secretsEnv);
    expect(await runCli(flags(), run.io)).toBe(0);
    expect(run.stdout.text).toMatch(/^Microsoft 365 mail preflight: PASS/);
    expect(run.stdout.text).toMatch(/✔ PASS {2}Access token/);
    const tokenRequest = sandbox.requests.slice(before).find((r) => r.route === 'token')!;
    expect(tokenRequest.form!.get('password')).toBe(SANDBOX_PASSWORD);
    expect(tokenRequest.form!.get('client_secret')).toBe(SANDBOX_SECRET);
    expect(everything(run)).not.toContain(SANDBOX_PASSWORD);
    expect(everything(run)).not.toContain(SANDBOX_SECRET);
  });

  it('exits 1 on a fail and says what to fix', async () => {
    const run = cliIo({ ...secretsEnv, M365_PASSWORD: 'not the password' });
    expect(await runCli(flags(), run.io)).toBe(1);
    expect(run.stdout.text).toMatch(/✘ FAIL {2}Access token {2}AADSTS50126/);
    expect(run.stdout.text).toMatch(/Fix: .*password/);
    expect(everything(run)).not.toContain('not the password');
  });

  it('exits 0 on a warning, and 1 with --fail-on warning', async () => {
    const env = { ...secretsEnv, M365_CLIENT_SECRET: GUID_SHAPED_SECRET };
    const warn = cliIo(env);
    expect(await runCli(flags(), warn.io)).toBe(0);
    expect(warn.stdout.text).toMatch(/Microsoft 365 mail preflight: WARN/);
    const strict = cliIo(env);
    expect(await runCli(flags('--fail-on', 'warning'), strict.io)).toBe(1);
  });

  it('exits 1 on a refused input value, with the report naming the input and no request', async () => {
    const before = sandbox.requests.length;
    const refused = cliIo(secretsEnv);
    const argv = flags('--json').map((a) => (a === SANDBOX_TENANT_ID ? 'common' : a));
    expect(await runCli(argv, refused.io)).toBe(1);
    const report = reportSchema.parse(JSON.parse(refused.stdout.text));
    expect(report.result).toBe('fail');
    expect(report.checks[0]).toMatchObject({ id: 'inputs', status: 'fail' });
    expect(report.checks[0]!.summary).toContain("input 'tenant-id'");
    expect(report.checks[0]!.summary).toContain('common');
    // The text form says the same, with the fix.
    const text = cliIo(secretsEnv);
    expect(await runCli(flags('--timeout-seconds', 'soon'), text.io)).toBe(1);
    expect(text.stdout.text).toMatch(/✘ FAIL {2}Inputs {2}input 'timeout-seconds' 'soon' must be/);
    expect(text.stdout.text).toContain(
      "Fix: Correct each input listed above in the step's `with:`",
    );
    expect(sandbox.requests.length).toBe(before);
  });

  it('exits 64 on a flag given twice: the command line itself is unusable, no report', async () => {
    const before = sandbox.requests.length;
    const run = cliIo(secretsEnv);
    expect(await runCli(flags('--json', '--tenant-id', 'x'), run.io)).toBe(64);
    expect(run.stderr.text).toContain('--tenant-id was given more than once');
    expect(run.stdout.text).toBe('');
    expect(sandbox.requests.length).toBe(before);
  });

  it.each([
    ['--password', 'hunter2-secret', 'M365_PASSWORD'],
    ['--password=hunter2-secret', undefined, 'M365_PASSWORD'],
    ['--client-secret', 'hunter2-secret', 'M365_CLIENT_SECRET'],
    ['--github-token', 'hunter2-secret', undefined],
  ])(
    'refuses the secret flag %s with exit 64, an explanation, and no echo',
    async (flag, value, env) => {
      const before = sandbox.requests.length;
      const run = cliIo(secretsEnv);
      const argv = value === undefined ? flags(flag) : flags(flag, value);
      expect(await runCli(argv, run.io)).toBe(64);
      expect(run.stderr.text).toContain('secrets are never taken from the command line');
      if (env) expect(run.stderr.text).toContain(env);
      expect(everything(run)).not.toContain('hunter2');
      expect(sandbox.requests.length).toBe(before);
    },
  );

  it('exits 64 on unknown options, missing values and stray arguments', async () => {
    for (const argv of [
      flags('--tenant'),
      flags('--grant'),
      flags('extra'),
      flags('--check-run', 'always'),
    ]) {
      const run = cliIo(secretsEnv);
      expect(await runCli(argv, run.io)).toBe(64);
      expect(run.stderr.text).toMatch(/^m365-mail-preflight: .+\nRun with --help/);
      expect(run.stdout.text).toBe('');
    }
  });

  it('prints the contract report with --json, valid against the schema', async () => {
    const run = cliIo(secretsEnv);
    expect(await runCli(flags('--json'), run.io)).toBe(0);
    const report = reportSchema.parse(JSON.parse(run.stdout.text));
    expect(report).toMatchObject({
      version: 1,
      result: 'pass',
      tenantId: SANDBOX_TENANT_ID,
      clientId: SANDBOX_CLIENT_ID,
      grant: 'password',
    });
    expect(report.checks.map((c) => c.id)).toEqual(['inputs', 'token']);
    expect(report.token!.scopes.length).toBeGreaterThan(0);
  });

  it('asks for a missing secret on a terminal with echo off, and uses it', async () => {
    const terminal = new FakeTerminal([`${SANDBOX_PASSWORD}\r`]);
    const run = cliIo({ M365_CLIENT_SECRET: SANDBOX_SECRET }, { stdin: terminal, tty: true });
    expect(await runCli(flags('--grant', 'password'), run.io)).toBe(0);
    expect(run.stderr.text).toContain('Password of the mailbox account (M365_PASSWORD): ');
    expect(terminal.rawModeHistory).toEqual([true, false]);
    expect(everything(run)).not.toContain(SANDBOX_PASSWORD);
  });

  it('does not prompt when stdin is not a terminal: the missing secret is an input error', async () => {
    const run = cliIo({ M365_CLIENT_SECRET: SANDBOX_SECRET });
    expect(await runCli(flags('--grant', 'password'), run.io)).toBe(1);
    expect(run.stdout.text).toContain("input 'password' is required");
    expect(run.stderr.text).toContain('hint: the CLI reads secrets from M365_PASSWORD');
  });

  it('exits 130 when the secret prompt is cancelled with Ctrl-C, sending nothing', async () => {
    const before = sandbox.requests.length;
    const terminal = new FakeTerminal(['hunt\u0003']);
    const run = cliIo({ M365_CLIENT_SECRET: SANDBOX_SECRET }, { stdin: terminal, tty: true });
    expect(await runCli(flags('--grant', 'password'), run.io)).toBe(130);
    expect(run.stderr.text).toContain('m365-mail-preflight: cancelled');
    expect(terminal.rawModeHistory).toEqual([true, false]);
    expect(run.stdout.text).toBe('');
    expect(everything(run)).not.toContain('hunt');
    expect(sandbox.requests.length).toBe(before);
  });

  it('colours a terminal, unless NO_COLOR is set; plain text elsewhere', async () => {
    const tty = cliIo(secretsEnv, { tty: true });
    await runCli(flags(), tty.io);
    expect(tty.stdout.text).toContain('\u001b[32m');
    const noColor = cliIo({ ...secretsEnv, NO_COLOR: '1' }, { tty: true });
    await runCli(flags(), noColor.io);
    expect(noColor.stdout.text).not.toContain('\u001b[');
    const piped = cliIo(secretsEnv);
    await runCli(flags(), piped.io);
    expect(piped.stdout.text).not.toContain('\u001b[');
  });

  it('explains itself with --help: every non-secret input as a flag, exit codes, examples', async () => {
    const run = cliIo();
    expect(await runCli(['--help'], run.io)).toBe(0);
    for (const flag of ['--tenant-id', '--client-id', '--endpoints', '--fail-on', '--cloud'])
      expect(run.stdout.text).toContain(flag);
    expect(run.stdout.text).not.toContain('--password');
    expect(run.stdout.text).not.toContain('--client-secret');
    expect(run.stdout.text).toContain('M365_CLIENT_SECRET');
    expect(run.stdout.text).toContain('64 unusable arguments');
    expect(run.stdout.text).toContain('refused input values\nincluded');
    expect(run.stdout.text).toContain('Examples:');
    expect(run.stdout.text).toContain('--version');
  });

  it('prints the version of package.json with --version', async () => {
    const run = cliIo();
    expect(await runCli(['--version'], run.io)).toBe(0);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run.stdout.text).toBe(`${pkg.version}\n`);
  });

  it('prints the package version with --version (and -V), sending nothing', async () => {
    const before = sandbox.requests.length;
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
    for (const flag of ['--version', '-V']) {
      const run = cliIo();
      expect(await runCli([flag], run.io)).toBe(0);
      expect(run.stdout.text).toBe(`${pkg.version}\n`);
    }
    expect(sandbox.requests.length).toBe(before);
  });

  it('prints the usage on no arguments (exit 64), not a failed preflight', async () => {
    const run = cliIo(secretsEnv);
    expect(await runCli([], run.io)).toBe(64);
    expect(run.stderr.text).toMatch(/^Usage: m365-mail-preflight --tenant-id ID --client-id ID/);
    expect(run.stderr.text).toContain('--help');
    expect(run.stdout.text).toBe('');
  });

  it.each([
    ['--tenant', 'tenant-id'],
    ['--tennant-id', 'tenant-id'],
    ['--client_id', 'client-id'],
    ['--verbos', 'verbose'],
    ['--secret-expiry-warn-days', 'secret-expiry-warning-days'],
  ])('suggests the flag meant for %s', async (typed, meant) => {
    expect(closestFlag(typed.slice(2))).toBe(meant);
    const run = cliIo(secretsEnv);
    expect(await runCli(flags(typed, 'x'), run.io)).toBe(64);
    expect(run.stderr.text).toContain(`unknown option '${typed}'; did you mean --${meant}?`);
  });

  it('suggests nothing for a flag far from every known one', () => {
    expect(closestFlag('frobnicate')).toBeUndefined();
    expect(closestFlag('x')).toBeUndefined();
  });

  it('FORCE_COLOR colours piped output; FORCE_COLOR=0 keeps a terminal plain', async () => {
    const forced = cliIo({ ...secretsEnv, FORCE_COLOR: '1', NO_COLOR: '1' });
    await runCli(flags(), forced.io);
    expect(forced.stdout.text).toContain('\u001b[32m');
    const off = cliIo({ ...secretsEnv, FORCE_COLOR: '0' }, { tty: true });
    await runCli(flags(), off.io);
    expect(off.stdout.text).not.toContain('\u001b[');
  });
});
