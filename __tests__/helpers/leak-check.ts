// Asserts that no secret appears anywhere a person or a later job could read it, in any of the
// encodings a log or file could carry: raw, base64 (padded or not), base64url, URL- and JSON-
// encoded. The only allowed appearance is the runner's own `::add-mask::` command.
import { encodings } from '../../src/engine/secret-redactor.js';
import type { ActionRun } from './run-action.js';

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
