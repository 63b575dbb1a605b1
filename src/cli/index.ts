#!/usr/bin/env node
// Entry point of the CLI (dist/cli/index.js, the package's `m365-mail-preflight` bin).
import './wasm-baseline.js';
import { Redactor } from '../engine/redactor.js';
import { errorMessage } from '../http/errors.js';
import { runCli } from './main.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
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
    `m365-mail-preflight failed unexpectedly: ${redactor.redact(errorMessage(error))}\n`,
  );
  process.exitCode = 1;
}
