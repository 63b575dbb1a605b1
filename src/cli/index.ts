#!/usr/bin/env node
// Entry point of the CLI (dist/cli/index.js, the package's `m365-mail-preflight` bin).
// `--help` and `--version` alone are answered here, before the engine is loaded: main.js (the
// engine, the checks, the HTTP client) is a separate chunk of the bundle, imported only to run.
import { VERSION } from '../version.js';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V'))
  process.stdout.write(`${VERSION}\n`);
else if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
  const { helpText } = await import('./help.js');
  process.stdout.write(helpText());
} else await runPreflightCli();

async function runPreflightCli(): Promise<void> {
  const [{ runCli }, { Redactor }, { errorMessage }, { cleanText }] = await Promise.all([
    import('./main.js'),
    import('../engine/redactor.js'),
    import('../http/errors.js'),
    import('../text/sanitise.js'),
  ]);
  try {
    process.exitCode = await runCli(argv, {
      env: process.env,
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    });
  } catch (error) {
    // Unexpected: a bug. No stack trace, but enough to report it, without the secrets it may quote.
    const redactor = new Redactor();
    for (const name of ['M365_CLIENT_SECRET', 'M365_PASSWORD']) redactor.add(process.env[name]);
    process.stderr.write(
      `m365-mail-preflight failed unexpectedly: ${redactor.redact(cleanText(errorMessage(error)))}\n`,
    );
    process.exitCode = 1;
  }
}
