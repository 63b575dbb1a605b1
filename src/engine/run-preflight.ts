// The engine: takes parsed settings (or the input problems), runs every selected check
// concurrently, and returns the report plus what the front ends hand to later steps.
// It knows nothing of @actions/core; tests drive it directly.
import type { ParseResult } from '../settings/parse-settings.js';
import { getMailToken } from '../identity/tokens.js';
import { createRunContext } from './context.js';
import { foldBlockedChecks } from './one-cause.js';
import { ALL_CHECKS } from './plan.js';
import type { Adapters, CheckResult, PreflightOutcome, Report } from './types.js';
import { verdictOf } from './verdict.js';

const INPUTS_TITLE = 'Inputs';

export async function runPreflight(
  parsed: ParseResult,
  adapters: Adapters,
): Promise<PreflightOutcome> {
  if (!parsed.ok) return refusedInputs(parsed);
  const { settings } = parsed;
  const ctx = createRunContext(settings, adapters);
  try {
    const selected = ALL_CHECKS.filter((check) => settings.checks.includes(check.name));
    const results = await Promise.all(
      selected.map((check) =>
        check.run(ctx).catch((error: unknown): CheckResult[] => [
          {
            id: check.name === 'mailbox' ? 'mailbox-imap' : (check.name as CheckResult['id']),
            title: check.name,
            status: 'fail',
            summary: `internal error in the ${check.name} check: ${error instanceof Error ? error.message : String(error)}`,
            remediation:
              'This is a bug in m365-mail-preflight; please report it with the report file attached.',
          },
        ]),
      ),
    );
    const inputs: CheckResult = {
      id: 'inputs',
      title: INPUTS_TITLE,
      status: parsed.warnings.length ? 'warn' : 'pass',
      summary: parsed.warnings.length ? parsed.warnings[0]! : 'all inputs are valid',
      details: parsed.warnings.length > 1 ? parsed.warnings.slice(1).join('\n') : undefined,
    };
    const checks = foldBlockedChecks([inputs, ...results.flat()]).map((c) =>
      redactResult(c, ctx.redactor.redact.bind(ctx.redactor)),
    );
    const mail =
      settings.checks.includes('token') || settings.checks.includes('mailbox')
        ? await getMailToken(ctx)
        : undefined;
    const token = mail?.ok ? mail.token : undefined;
    const notes = ctx.notes;
    const report: Report = {
      version: 1,
      result: verdictOf(checks),
      tenantId: settings.tenantId,
      clientId: settings.clientId,
      grant: settings.grant,
      checks,
      token: token ? { expiresOn: token.expiresOn.toISOString(), scopes: token.scopes } : null,
      secrets: notes.secrets,
    };
    return {
      report,
      token,
      missingPermissions: notes.missingPermissions,
      secretInUse: notes.secretInUse,
      warnings: parsed.warnings,
    };
  } finally {
    ctx.deadline.dispose();
  }
}

function redactResult(result: CheckResult, redact: (text: string) => string): CheckResult {
  const clean = (text: string | undefined) => (text === undefined ? undefined : redact(text));
  return {
    ...result,
    // One line whatever a server put in it: front ends print summaries as log lines, and a line
    // break followed by `::` would make the runner read the rest as a workflow command.
    summary: redact(result.summary).replace(/\s*[\r\n]+\s*/g, ' '),
    details: clean(result.details),
    remediation: clean(result.remediation),
    tables: result.tables?.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(redact)) })),
    annotations: result.annotations?.map((a) => ({
      ...a,
      title: redact(a.title),
      message: redact(a.message),
    })),
  };
}

function refusedInputs(parsed: Extract<ParseResult, { ok: false }>): PreflightOutcome {
  const first = parsed.problems[0]!;
  const report: Report = {
    version: 1,
    result: 'fail',
    tenantId: '',
    clientId: '',
    grant: null,
    checks: [
      {
        id: 'inputs',
        title: INPUTS_TITLE,
        status: 'fail',
        summary: `input '${first.input}' ${first.message}`,
        details: parsed.problems.map((p) => `${p.input}: ${p.message}`).join('\n'),
        remediation:
          "Correct each input listed above in the step's `with:` (on the command line: the flag of the same name; secrets from M365_CLIENT_SECRET and M365_PASSWORD); no request was made.",
      },
    ],
    token: null,
    secrets: [],
  };
  return { report, missingPermissions: [], warnings: parsed.warnings };
}
