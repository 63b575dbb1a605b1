// `npm start`: the preflight against the built-in sandbox tenant, so a newcomer sees it work.
// `npm start -- --scenario NAME` shows one setup mistake and its diagnosis.
import { runPreflight } from '../src/engine/run-preflight.js';
import { parseSettings } from '../src/settings/parse-settings.js';
import { startSandbox } from '../sandbox/server.js';
import { SCENARIOS, findScenario } from '../sandbox/scenarios.js';
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_PASSWORD,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
  SANDBOX_USER,
} from '../sandbox/tenant.js';

const args = process.argv.slice(2);
if (args.includes('--list-scenarios')) {
  for (const s of SCENARIOS) console.log(`${s.name.padEnd(28)} ${s.description}`);
  process.exit(0);
}
const name =
  args[args.indexOf('--scenario') + 1] && args.includes('--scenario')
    ? args[args.indexOf('--scenario') + 1]!
    : 'healthy';
const scenario = findScenario(name);
if (!scenario) {
  console.error(`unknown scenario '${name}'; --list-scenarios lists them`);
  process.exit(64);
}
const sandbox = await startSandbox({ scenario: name });
try {
  const parsed = parseSettings({
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    username: SANDBOX_USER,
    password: SANDBOX_PASSWORD,
    checks: 'token',
    endpoints: `authority=${sandbox.url}\ngraph=${sandbox.url}`,
    ...scenario.inputs,
  });
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: (m) => console.log(m), warning: (m) => console.warn(m) },
    registerSecret: () => undefined,
    now: () => new Date(),
  });
  console.log(`Sandbox scenario: ${scenario.name}: ${scenario.description}\n`);
  for (const check of outcome.report.checks) {
    console.log(`${check.status.toUpperCase().padEnd(5)} ${check.title}: ${check.summary}`);
    if (check.remediation) console.log(`      Fix: ${check.remediation}`);
  }
  console.log(`\nResult: ${outcome.report.result}`);
} finally {
  await sandbox.close();
}
