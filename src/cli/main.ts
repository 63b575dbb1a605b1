// The CLI front end: flags and environment → the same settings parser and engine as the action →
// text or the JSON report on stdout, and the contract's exit status. Everything it prints goes
// through a redactor that knows every secret of the run (inputs and tokens).
import { readFile } from 'node:fs/promises';
import { createTransport } from '../http/transport.js';
import { runPreflight } from '../preflight.js';
import { Redactor } from '../engine/redactor.js';
import type { Adapters } from '../engine/types.js';
import { failsStep } from '../engine/verdict.js';
import { toReportJson } from '../report/json-report.js';
import { toJUnitXml, writeJUnit } from '../report/junit.js';
import { parseSettings, type ParseResult } from '../settings/parse-settings.js';
import { SECRET_ENV, type InputName } from '../settings/inputs.js';
import type { RawInputs } from '../settings/types.js';
import { parseCliArgs } from './args.js';
import { helpText, usageText } from './help.js';
import { cleanLine, cleanText } from '../text/sanitise.js';
import { VERSION } from '../version.js';
import { pemSecretParts } from '../settings/pem-mask.js';
import { federationFromEnv } from '../settings/client-auth.js';
import { renderText, useColor } from './render-text.js';
import {
  PromptCancelled,
  promptHidden,
  secretsFromEnv,
  type SecretInput,
  type TextOutput,
} from './secrets.js';

/**
 * The contract's exit codes. `usage` (64, EX_USAGE) is for a command line that cannot be read at
 * all (an unknown or secret flag, a missing value, a stray argument): no report exists then.
 * Input VALUES that are refused (`--tenant-id common`, a missing secret) are a failed preflight
 * like any other: the report says which input and why, and the status is `failed` (1), as the
 * action's is. `cancelled` (130, as a shell reports Ctrl-C) is a secret prompt the user left.
 */
const EXIT = { ok: 0, failed: 1, usage: 64, cancelled: 130 } as const;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: SecretInput;
  stdout: TextOutput;
  stderr: TextOutput;
  retryPolicy?: Adapters['retryPolicy'];
  mailCa?: string;
  now?: () => Date;
  /** Tests of `consent` / `setup` replace the wait between polls, the clock and the Azure CLI. */
  assistant?: import('./assistant.js').AssistantHooks;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // The setup assistant's subcommands, loaded only when asked for: the preflight's start-up
  // does not load them.
  if (argv[0] === 'consent' || argv[0] === 'setup') {
    const { runAssistant } = await import('./assistant.js');
    return runAssistant(argv[0], argv.slice(1), io);
  }
  const redactor = new Redactor();
  const out = (text: string) => io.stdout.write(redactor.redact(text));
  const err = (text: string) => io.stderr.write(redactor.redact(text));

  if (argv.length === 0) {
    // Nothing to check without a tenant and an app: say how, rather than fail a preflight.
    err(`${usageText()}\n`);
    return EXIT.usage;
  }
  const args = parseCliArgs(argv);
  if (!args.ok) {
    err(`m365-mail-preflight: ${args.message}\nRun with --help for the options.\n`);
    return EXIT.usage;
  }
  if (args.options.help) {
    out(helpText());
    return EXIT.ok;
  }
  if (args.options.version) {
    out(`${VERSION}\n`);
    return EXIT.ok;
  }
  const secrets = secretsFromEnv(io.env);
  if (args.options.clientCertificateFile) {
    const pem = await readSecretFile(args.options.clientCertificateFile);
    if (pem === undefined) {
      err(
        `m365-mail-preflight: --client-certificate-file: cannot read '${args.options.clientCertificateFile}'\n`,
      );
      return EXIT.usage;
    }
    secrets['client-certificate'] = pem;
  }
  // Trimmed too: the parser trims the client secret, and either form could reach a message.
  for (const value of Object.values(secrets)) [value, value.trim()].forEach((v) => redactor.add(v));
  if (secrets['client-certificate'])
    for (const part of pemSecretParts(secrets['client-certificate'])) redactor.add(part);
  for (const name of ['M365_CLIENT_ASSERTION', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
    redactor.add(io.env[name]?.trim());
  // Federation: GitHub's OIDC offer when the CLI runs in a workflow, or another CI's token.
  const federation = federationFromEnv(io.env, false, {
    assertionFile: args.options.clientAssertionFile,
  });
  let raw: RawInputs = { ...args.raw, ...secrets };
  let parsed = parseSettings(raw, federation);
  if (!parsed.ok && io.stdin.isTTY) {
    const asked = await askMissingSecrets(parsed, io);
    if (asked === 'cancelled') {
      err('\nm365-mail-preflight: cancelled\n');
      return EXIT.cancelled;
    }
    for (const value of Object.values(asked)) redactor.add(value);
    raw = { ...raw, ...asked };
    if (Object.keys(asked).length) parsed = parseSettings(raw, federation);
  }

  const startedAt = io.now?.() ?? new Date();
  const verbose = args.options.verbose;
  const progress = progressLine(io.stderr, redactor);
  const outcome = await runPreflight(parsed, {
    log: {
      debug: (m) => (verbose ? err(`debug: ${cleanText(m, Infinity)}\n`) : undefined),
      info: (m) => err(`${cleanText(m, Infinity)}\n`),
      warning: (m) => err(`warning: ${cleanText(m, Infinity)}\n`),
    },
    registerSecret: (value) => redactor.add(value),
    now: io.now ?? (() => new Date()),
    // The proxy (HTTPS_PROXY, NO_PROXY) comes from the CLI's environment.
    transport: createTransport({ env: io.env }),
    retryPolicy: io.retryPolicy,
    mailCa: io.mailCa,
    progress: progress.show,
  });
  progress.clear();

  const { report } = outcome;
  const { junitPath, failOn } = parsed.frontEnd;
  if (junitPath) {
    const now = io.now?.() ?? new Date();
    const xml = toJUnitXml(report, {
      failOn,
      startedAt,
      durationMs: now.getTime() - startedAt.getTime(),
    });
    try {
      await writeJUnit(redactor.redact(xml), junitPath);
    } catch (error) {
      err(
        `warning: could not write the JUnit report to '${junitPath}': ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  }
  if (args.options.json) out(toReportJson(report));
  else {
    for (const warning of parsed.ok ? [] : parsed.warnings) err(`warning: ${warning}\n`);
    out(renderText(report, { color: useColor(io.stdout, io.env), verbose }));
  }
  // Refused input values fail the preflight (exit 1), as in the action: the report names them.
  if (!parsed.ok) {
    const secretsMissing = parsed.problems
      .map((p) => SECRET_ENV[p.input])
      .filter((v, i, all): v is string => v !== undefined && all.indexOf(v) === i);
    if (secretsMissing.length)
      err(
        `hint: the CLI reads secrets from ${secretsMissing.join(' and ')} (or asks for them on a terminal), never from flags.\n`,
      );
    return EXIT.failed;
  }
  return failsStep(report.result, parsed.frontEnd.failOn) ? EXIT.failed : EXIT.ok;
}

/** Asks, on the terminal, for the secrets whose absence the parser refused. */
async function askMissingSecrets(
  parsed: Extract<ParseResult, { ok: false }>,
  io: CliIo,
): Promise<RawInputs | 'cancelled'> {
  // A PEM cannot be typed at a prompt: it comes from M365_CLIENT_CERTIFICATE or a file.
  const wanted = (Object.keys(SECRET_ENV) as InputName[]).filter(
    (input) =>
      input !== 'client-certificate' &&
      parsed.problems.some((p) => p.input === input && p.message.startsWith('is required')),
  );
  // Other refusals would remain after prompting: report them without asking anything.
  if (parsed.problems.some((p) => !wanted.includes(p.input))) return {};
  const answers: RawInputs = {};
  try {
    for (const input of wanted) {
      const label =
        input === 'password' ? 'Password of the mailbox account' : 'Client secret value';
      const value = await promptHidden(`${label} (${SECRET_ENV[input]}): `, io.stdin, io.stderr);
      if (value) answers[input] = value;
    }
  } catch (error) {
    if (error instanceof PromptCancelled) return 'cancelled';
    throw error;
  }
  return answers;
}

/** One rewritten line on a terminal for long scans; nothing elsewhere (logs stay clean). */
export function progressLine(stream: TextOutput, redactor: Redactor) {
  let shown = false;
  return {
    show: (message: string) => {
      if (!stream.isTTY) return;
      stream.write(`\r\u001b[2K${redactor.redact(cleanLine(message))}`);
      shown = true;
    },
    clear: () => {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}

async function readSecretFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
