// `npm start -- setup` and `npm start -- consent`: the setup assistant against a sandbox tenant,
// offline. `setup` shows the plan, then applies it (the sandbox's administrator signs in by
// itself; the demo passes --yes), then runs the preflight's Entra-side checks to show they pass.
// `--tenant-state empty|partial|complete` picks the tenant (default empty); other flags are
// passed to the subcommand (e.g. --grant password, --json).
import { runCli, type CliIo } from '../src/cli/main.js';
import { ASSISTANT_TENANTS, type AssistantTenantName } from '../sandbox/assistant-tenant.js';
import { startSandbox } from '../sandbox/server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../sandbox/tenant.js';

export async function startAssistant(args: string[]): Promise<number> {
  const [command, ...rest] = args as ['setup' | 'consent', ...string[]];
  const at = rest.indexOf('--tenant-state');
  const state = (at >= 0 ? rest[at + 1] : 'empty') as AssistantTenantName;
  if (!(state in ASSISTANT_TENANTS)) {
    console.error(
      `unknown --tenant-state '${state}'; one of: ${Object.keys(ASSISTANT_TENANTS).join(', ')}`,
    );
    return 64;
  }
  const passThrough = rest.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const tenant = ASSISTANT_TENANTS[state]();
  // The sandbox's sign-in is approved at the first poll; a 1 s interval keeps the demo short.
  tenant.deviceCode = { steps: ['approve'], interval: 1 };
  if (command === 'consent') tenant.app.isFallbackPublicClient = true;
  const sandbox = await startSandbox({ tenant });
  const io: CliIo = {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  };
  const endpoints = ['--endpoints', `authority=${sandbox.url}\ngraph=${sandbox.url}`];
  const base = ['--tenant-id', SANDBOX_TENANT_ID, '--client-id', SANDBOX_CLIENT_ID, ...endpoints];
  const say = (text: string) => {
    if (!passThrough.includes('--json')) console.log(text);
  };
  try {
    if (command === 'consent') return await runCli(['consent', ...base, ...passThrough], io);
    say(`Sandbox tenant on ${sandbox.url}, state '${state}'. First the plan:\n`);
    const setup = ['setup', ...base, '--username', SANDBOX_USER, ...passThrough];
    const planned = await runCli(setup, io);
    say(
      `\n(exit status ${planned}) Now the same with --apply (the demo answers the confirmation with --yes):\n`,
    );
    const applied = await runCli([...setup, '--apply', '--yes'], io);
    if (applied !== 0) return applied;
    const grant = passThrough.includes('password') ? 'password' : 'client-credentials';
    say(
      `\nAnd the preflight's Entra-side checks (permissions, token, secret expiry) afterwards:\n`,
    );
    return await runCli(
      [
        ...base,
        '--username',
        SANDBOX_USER,
        '--grant',
        grant,
        '--checks',
        'permissions, token, secret-expiry',
      ],
      {
        ...io,
        env: {
          ...process.env,
          M365_CLIENT_SECRET: SANDBOX_SECRET,
          M365_PASSWORD: SANDBOX_PASSWORD,
        },
      },
    );
  } finally {
    await sandbox.close();
  }
}
