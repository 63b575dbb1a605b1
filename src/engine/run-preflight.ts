// The engine: takes parsed settings (or the input problems) and the checks to choose from, runs
// every selected check concurrently, and returns the report plus what the front ends hand to
// later steps. It knows nothing of the runner, of the checks' clients or of any check in
// particular: the front ends pass the plan in (src/checks/index.ts). Tests drive it directly.
import type { ParseResult } from '../settings/parse-settings.js';
import type { CheckOutput, CheckPlan } from './check.js';
import { createBaseContext, type RunContext } from './context.js';
import { foldBlockedChecks } from './one-cause.js';
import type {
  Adapters,
  CheckResult,
  PreflightOutcome,
  Report,
  SecretEntries,
  SecretReport,
} from './types.js';
import { errorMessage } from '../http/errors.js';
import {
  MAX_DETAILS_CHARS,
  MAX_FIELD_CHARS,
  capText,
  cleanLine,
  cleanText,
} from '../text/sanitise.js';
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
    const redact = base.redactor.redact.bind(base.redactor);
    const checks = foldBlockedChecks([inputs, ...outputs.flatMap((o) => o.results)]).map((c) =>
      redactResult(c, redact),
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
      secrets: cleanSecrets(
        merged.flatMap((o) => (o.secrets ? [o.secrets] : [])),
        redact,
      ),
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

/**
 * The engine's side of the sanitising boundary (text/sanitise.ts): whatever a check put in its
 * result — Microsoft's descriptions, a mail server's replies, display names from Graph — leaves
 * the engine with control characters removed, secrets redacted (after the removal, so that a
 * secret split by control characters is still found) and each field cut to its bound.
 */
function redactResult(result: CheckResult, redact: (text: string) => string): CheckResult {
  const text = (value: string, max = MAX_FIELD_CHARS) =>
    capText(redact(cleanText(value, Number.MAX_SAFE_INTEGER)), max);
  // One line whatever a server put in it: front ends print summaries as log lines.
  const line = (value: string) => cleanLine(text(value));
  const optional = (value: string | undefined, max?: number) =>
    value === undefined ? undefined : text(value, max);
  return {
    ...result,
    title: line(result.title),
    summary: line(result.summary),
    details: optional(result.details, MAX_DETAILS_CHARS),
    remediation: optional(result.remediation),
    code: result.code === undefined ? undefined : line(result.code),
    tables: result.tables?.map((t) => ({
      ...t,
      caption: line(t.caption),
      headers: t.headers.map(line),
      rows: t.rows.map((r) => r.map(line)),
    })),
    annotations: result.annotations?.map((a) => ({
      ...a,
      title: line(a.title),
      message: text(a.message),
    })),
  };
}

/**
 * The checks' entries, each through cleanSecret: arrays at once; a long list (a tenant scan's)
 * as it is read, so that its entries are never all in memory, and with every secret the run
 * registered by then.
 */
function cleanSecrets(lists: SecretEntries[], redact: (text: string) => string): SecretEntries {
  if (lists.every((list) => Array.isArray(list)))
    return (lists as SecretReport[][]).flat().map((s) => cleanSecret(s, redact));
  return {
    length: lists.reduce((n, list) => n + list.length, 0),
    *[Symbol.iterator]() {
      for (const list of lists) for (const s of list) yield cleanSecret(s, redact);
    },
  };
}

/** Graph's fields of a credential (display names, hints) through the same boundary. */
function cleanSecret(secret: SecretReport, redact: (text: string) => string): SecretReport {
  const line = (value: string) => cleanLine(redact(cleanText(value, Number.MAX_SAFE_INTEGER)));
  return {
    ...secret,
    keyId: line(secret.keyId),
    displayName: line(secret.displayName),
    hint: line(secret.hint),
    endDateTime: line(secret.endDateTime),
    app: line(secret.app),
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
