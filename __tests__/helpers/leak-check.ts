// Asserts that no secret appears anywhere a person or a later job could read it, in any of the
// encodings a log or file could carry. The only allowed appearance is the runner's own
// `::add-mask::` command. The list of encodings is the tests' own and wider than the product's
// redactor (src/engine/redactor.ts): a list shared with the product could not catch an encoding
// the product forgot.
import { xoauth2InitialResponse } from '../../src/mailbox/xoauth2.js';
import type { ActionRun } from './run-action.js';

/**
 * Every form of `secret` a leak could take: raw; base64 and base64url, padded or not; URL-, form-,
 * JSON- and HTML-encoded; hex. Forms under 4 characters are left out (they match ordinary text).
 */
export function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const base64 = bytes.toString('base64');
  const forms = [
    secret,
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
    base64.replace(/\+/g, '-').replace(/\//g, '_'),
    encodeURIComponent(secret),
    encodeURI(secret),
    new URLSearchParams({ v: secret }).toString().slice(2),
    JSON.stringify(secret).slice(1, -1),
    secret
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;'),
    bytes.toString('hex'),
  ];
  return [...new Set(forms)].filter((f) => f.length >= 4);
}

export function findLeaks(run: ActionRun, secrets: string[]): string[] {
  const places: Record<string, string> = {
    stdout: run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n'),
    stderr: run.stderr,
    summary: run.summary,
    report: run.reportText,
    GITHUB_ENV: run.githubEnv,
    GITHUB_STATE: run.githubState,
  };
  const leaks: string[] = [];
  for (const secret of secrets.filter((s) => s.length >= 4)) {
    for (const form of encodings(secret)) {
      for (const [place, text] of Object.entries(places)) {
        if (text.includes(form))
          leaks.push(`${place} contains a form of a secret (${form.slice(0, 4)}…)`);
      }
    }
  }
  return leaks;
}

/** The first stdout line that holds `value` must be its ::add-mask:: command, and only one such command. */
export function maskedBeforeUse(stdout: string, value: string): boolean {
  const lines = stdout.split('\n').filter((line) => line.includes(value));
  return lines[0] === `::add-mask::${value}`;
}

const SECRET_INPUTS = ['client-secret', 'password', 'github-token'];

/**
 * Every secret a run could have seen: secret inputs (trimmed too), token outputs, issued tokens,
 * and the base64 XOAUTH2 string a mailbox probe would send with each token (a different string
 * from the token, so it is looked for on its own).
 */
export function secretsOf(
  run: Pick<ActionRun, 'outputs'>,
  inputs: Record<string, string>,
  issued: readonly string[] = [],
): string[] {
  const tokens = [run.outputs['access-token'] ?? '', ...issued].filter(Boolean);
  const mailbox = (inputs.username ?? '').trim();
  const values = [
    ...SECRET_INPUTS.map((name) => inputs[name] ?? ''),
    ...SECRET_INPUTS.map((name) => (inputs[name] ?? '').trim()),
    run.outputs['refresh-token'] ?? '',
    ...tokens,
    ...(mailbox ? tokens.map((token) => xoauth2InitialResponse(mailbox, token)) : []),
  ];
  return [...new Set(values.filter((v) => v.length >= 4))];
}

/**
 * What is wrong with a run, secret-wise: any form of a secret outside `::add-mask::`, and any
 * secret whose first stdout line is not a mask (a mask of a longer value around it counts, as the
 * untrimmed password's mask holds the trimmed one). Secrets are named by 4 characters only.
 */
export function leakProblems(
  run: ActionRun,
  inputs: Record<string, string>,
  issued: readonly string[] = [],
): string[] {
  const secrets = secretsOf(run, inputs, issued);
  const unmaskedFirst = secrets
    .filter((secret) => {
      const first = run.stdout.split('\n').find((line) => line.includes(secret));
      return first !== undefined && !first.startsWith('::add-mask::');
    })
    .map((secret) => `stdout shows ${secret.slice(0, 4)}… before masking it`);
  return [...findLeaks(run, secrets), ...unmaskedFirst];
}
