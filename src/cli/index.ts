#!/usr/bin/env node
// Entry point of the CLI (dist/cli/index.js, the package's `m365-mail-preflight` bin).
import { runCli } from './main.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  // Unexpected: a bug. No stack trace, but enough to report it.
  process.stderr.write(
    `m365-mail-preflight failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
}
