// The CLI's flags: one per action input (`--tenant-id` for `tenant-id`), except the secrets,
// which are refused: a process's arguments are visible to every user of the machine (ps, /proc)
// and end up in shell history. Secrets come from the environment or a prompt instead.
import {
  ACTION_ONLY_INPUTS,
  FLAG_INPUTS,
  REPEATABLE_INPUTS,
  SECRET_ENV,
  SECRET_INPUTS,
  type InputName,
} from '../settings/inputs.js';
import type { RawInputs } from '../settings/types.js';

export interface CliOptions {
  json: boolean;
  help: boolean;
  version: boolean;
  verbose: boolean;
  /** --client-certificate-file: the PEM is read from this file (never given as a flag). */
  clientCertificateFile?: string;
  /** --client-assertion-file: another CI system's OIDC token, read for every token request. */
  clientAssertionFile?: string;
}

/** Flags that name a file holding a secret, rather than the secret itself. */
const FILE_FLAGS = {
  '--client-certificate-file': 'clientCertificateFile',
  '--client-assertion-file': 'clientAssertionFile',
} as const;

export type ParsedArgs =
  { ok: true; raw: RawInputs; options: CliOptions } | { ok: false; message: string };

/** Shorter spellings of input flags. */
const ALIASES: Record<string, InputName> = { junit: 'junit-path' };

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { json: false, help: false, version: false, verbose: false };
  const values = new Map<InputName, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--version' || arg === '-V') options.version = true;
    else if (arg === '--verbose') options.verbose = true;
    else if (arg.split('=')[0]! in FILE_FLAGS) {
      const flag = arg.split('=')[0] as keyof typeof FILE_FLAGS;
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (!value || value.startsWith('--')) return { ok: false, message: `${flag} needs a path` };
      options[FILE_FLAGS[flag]] = value;
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const typed = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const name = (ALIASES[typed] ?? typed) as InputName;
      // Say why a secret flag is refused, and never repeat its value.
      if (SECRET_INPUTS.includes(name)) return { ok: false, message: secretFlagMessage(name) };
      if (ACTION_ONLY_INPUTS.includes(name))
        return {
          ok: false,
          message: `--${name} is an action input only: the command line creates no pull-request check.`,
        };
      if (!FLAG_INPUTS.includes(name)) {
        const suggestion = closestFlag(name);
        return {
          ok: false,
          message: `unknown option '${arg.slice(0, eq > 0 ? eq : undefined)}'${suggestion ? `; did you mean --${suggestion}?` : ''}`,
        };
      }
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || value.startsWith('--'))
          return { ok: false, message: `--${name} needs a value` };
        i++;
      }
      const seen = values.get(name);
      if (seen && !REPEATABLE_INPUTS.includes(name))
        return { ok: false, message: `--${name} was given more than once` };
      values.set(name, [...(seen ?? []), value]);
    } else {
      return {
        ok: false,
        message: `unexpected argument '${arg.length > 40 ? `${arg.slice(0, 40)}…` : arg}'; options start with --`,
      };
    }
  }
  const raw: RawInputs = {};
  for (const [name, list] of values) raw[name] = list.join('\n');
  return { ok: true, raw, options };
}

/** Flags that take no value. */
const SWITCHES = ['json', 'help', 'verbose', 'version'];

/**
 * The known flag a mistyped one most likely meant: the one it begins (`--tenant` for
 * `--tenant-id`), or the nearest by edit distance when that is small for its length.
 */
export function closestFlag(typed: string): string | undefined {
  const known = [...FLAG_INPUTS, ...SWITCHES];
  const lower = typed.toLowerCase();
  const prefixed = known.filter((flag) => lower.length >= 3 && flag.startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: { flag: string; distance: number } | undefined;
  for (const flag of known) {
    const distance = editDistance(lower, flag);
    if (!best || distance < best.distance) best = { flag, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(lower.length / 4)) ? best.flag : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = row;
  }
  return previous[b.length]!;
}

function secretFlagMessage(name: InputName): string {
  const env = SECRET_ENV[name];
  const where = env
    ? `set the environment variable ${env} instead, or leave it unset to be asked on the terminal (without echo)`
    : 'the command line does not use it';
  return `--${name} is refused: secrets are never taken from the command line, where other users of this machine can read them (ps, /proc) and shell history keeps them; ${where}.`;
}
