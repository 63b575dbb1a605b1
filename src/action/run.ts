// The GitHub Action front end: inputs → engine → masked outputs, report, summary, exit status.
// Expected failures end with a plain ::error:: line, never a stack trace.
import * as core from './workflow-commands.js';
import { runPreflight } from '../engine/run-preflight.js';
import { proxyAwareDispatcher } from '../http/dispatcher.js';
import type { PreflightOutcome } from '../engine/types.js';
import { failsStep } from '../engine/verdict.js';
import { parseSettings } from '../settings/parse-settings.js';
import { defaultReportPath, writeReport } from '../report/json-report.js';
import { readActionInputs } from './read-inputs.js';
import { writeJobSummary } from './job-summary.js';

export async function run(): Promise<void> {
  try {
    const raw = readActionInputs();
    const parsed = parseSettings(raw);
    for (const warning of parsed.warnings)
      core.warning(warning, { title: 'm365-mail-preflight: input' });
    const outcome = await runPreflight(parsed, {
      log: { debug: core.debug, info: core.info, warning: (m) => core.warning(m) },
      registerSecret: core.setSecret,
      now: () => new Date(),
      dispatcher: proxyAwareDispatcher(),
    });
    await publish(outcome, parsed.ok ? parsed.settings.failOn : 'error');
  } catch (error) {
    // Unexpected: still no stack trace in the log, but enough to report the bug.
    core.setFailed(
      `m365-mail-preflight failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

async function publish(outcome: PreflightOutcome, failOn: 'error' | 'warning'): Promise<void> {
  const { report, token } = outcome;
  // Tokens were masked by the engine the moment they were parsed; set outputs only now.
  if (token) {
    core.setOutput('access-token', token.accessToken);
    if (token.refreshToken) core.setOutput('refresh-token', token.refreshToken);
    core.setOutput('token-expires-on', token.expiresOn.toISOString());
    core.setOutput('granted-scopes', token.scopes.join(' '));
  }
  core.setOutput('missing-permissions', outcome.missingPermissions.join(', '));
  if (outcome.secretInUse) {
    core.setOutput('secret-expires-on', outcome.secretInUse.endDateTime);
    core.setOutput('secret-days-left', String(outcome.secretInUse.daysLeft));
  }
  core.setOutput('result', report.result);
  const path = await writeReport(report, defaultReportPath());
  core.setOutput('report-path', path);

  for (const check of report.checks) {
    const line = `${check.summary}${check.remediation ? `\nFix: ${check.remediation}` : ''}`;
    if (check.status === 'fail')
      core.error(line, { title: `${check.title} failed${check.code ? ` (${check.code})` : ''}` });
    else if (check.status === 'warn' && check.id !== 'inputs')
      core.warning(line, { title: `${check.title}: warning` });
    else core.info(`${check.status.toUpperCase()} ${check.title}: ${check.summary}`);
  }
  await writeJobSummary(report);
  if (failsStep(report.result, failOn)) {
    process.exitCode = 1;
  }
}
