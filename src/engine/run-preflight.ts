// The engine: takes parsed settings (or the input problems) and the checks to choose from, runs
// every selected check concurrently, and returns the report plus what the front ends hand to
// later steps. It knows nothing of the runner, of the checks' clients or of any check in
// particular: the front ends pass the plan in (src/checks/index.ts). Tests drive it directly.
import type { ParseResult } from '../settings/parse-settings.js';
import type { CheckOutput, CheckPlan } from './check.js';
import { createBaseContext, type RunContext } from './context.js';
import { foldBlockedChecks } from './one-cause.js';
import type { Adapters, CheckResult, PreflightOutcome, Report } from './types.js';
import { errorMessage } from '../http/errors.js';
import { verdictOf } from './verdict.js';

const INPUTS_TITLE = 'Inputs';

export async function runChecks<C extends RunContext>(
  parsed: ParseResult,
  adapters: Adapters,
  plan: CheckPlan<C>,
): Promise<PreflightOutcome> {
  if (!parsed.ok) return refusedInputs(parsed);
  const { settings } = parsed;
  const base = createBaseContext(settings, adapters);
  try {
    const ctx = plan.context(base);
    const selected = plan.checks.filter((check) => settings.checks.includes(check.name));
    const outputs = await Promise.all(
      selected.map((check) =>
        check.run(ctx).catch((error: unknown): CheckOutput => {
          const [first] = check.reports;
          return {
            results: [
              {
                ...first,
                status: 'fail',
                summary: `internal error in the ${check.name} check: ${errorMessage(error)}`,
                remediation:
                  'This is a bug in m365-mail-preflight; please report it with the report file attached.',
              },
            ],
          };
        }),
      ),
    );
    const inputs: CheckResult = {
      id: 'inputs',
      title: INPUTS_TITLE,
      status: parsed.warnings.length ? 'warn' : 'pass',
      summary: parsed.warnings.length ? parsed.warnings[0]! : 'all inputs are valid',
      details: parsed.warnings.length > 1 ? parsed.warnings.slice(1).join('\n') : undefined,
    };
    const checks = foldBlockedChecks([inputs, ...outputs.flatMap((o) => o.results)]).map((c) =>
      redactResult(c, base.redactor.redact.bind(base.redactor)),
    );
    const merged = outputs.map((o) => o.outputs ?? {});
    const token = merged.find((o) => o.token)?.token;
    const report: Report = {
      version: 1,
      result: verdictOf(checks),
      tenantId: settings.tenantId,
      clientId: settings.clientId,
      grant: settings.grant,
      checks,
      token: token ? { expiresOn: token.expiresOn.toISOString(), scopes: token.scopes } : null,
      secrets: merged.flatMap((o) => o.secrets ?? []),
    };
    return {
      report,
      token,
      missingPermissions: merged.flatMap((o) => o.missingPermissions ?? []),
      secretInUse: merged.find((o) => o.secretInUse)?.secretInUse,
    };
  } finally {
    base.deadline.dispose();
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
  return { report, missingPermissions: [] };
}
