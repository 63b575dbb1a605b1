// `npx tsx sandbox/serve.ts [--scenario NAME]`: the sandbox tenant on loopback until SIGTERM or
// SIGINT, for a workflow that runs the action itself against it (.github/workflows/self-test.yml).
// Prints one JSON line: the URL and the sandbox's made-up IDs and credentials (none is real).
import { startSandbox } from './server.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from './tenant.js';

const at = process.argv.indexOf('--scenario');
const sandbox = await startSandbox({ scenario: at > 0 ? process.argv[at + 1] : undefined });
process.stdout.write(
  `${JSON.stringify({
    url: sandbox.url,
    tenantId: SANDBOX_TENANT_ID,
    clientId: SANDBOX_CLIENT_ID,
    clientSecret: SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
  })}\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => void sandbox.close().then(() => process.exit(0)));
