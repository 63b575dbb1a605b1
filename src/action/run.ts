// The GitHub Action front end: inputs → engine → masked outputs, report, annotations, summary,
// pull-request check, exit status. Expected failures end with plain ::error:: lines, never a
// stack trace.
import * as core from './workflow-commands.js';
import { runPreflight } from '../preflight.js';
import { errorMessage } from '../http/errors.js';
import type { PreflightOutcome } from '../engine/types.js';
import { failsStep } from '../engine/verdict.js';
import { publishPullRequestCheck } from '../github/check-run.js';
import { readWorkflowEvent, runsWithoutSecrets, type WorkflowEvent } from '../github/event.js';
import { parseSettings, type FrontEndOptions } from '../settings/parse-settings.js';
import { federationFromEnv } from '../settings/client-auth.js';
import { planAnnotations } from '../report/annotations.js';
import { inlineHtml } from '../report/html.js';
import {
  ReportWriteError,
  describeWriteError,
  reportBase,
  writeReport,
} from '../report/json-report.js';
import { maskRunnerSecrets, readActionInputs } from './read-inputs.js';
import { toJUnitXml, writeJUnit } from '../report/junit.js';
import { writeJobSummary, writeSummaryText } from './job-summary.js';

export async function run(): Promise<void> {
  const startedAt = Date.now();
  try {
    // Reading the inputs masks the secret ones: nothing is printed before this.
    maskRunnerSecrets();
    const raw = readActionInputs();
    const event = readWorkflowEvent();
    // A fork's pull request gets no secrets and no OIDC token: skip, unless federation was asked
    // for explicitly (then the token check says why it cannot sign in).
    if (
      runsWithoutSecrets(event) &&
      !raw['client-secret'] &&
      !raw.password &&
      !raw['client-certificate'] &&
      raw['client-auth'] !== 'federated'
    ) {
      await skipForkPullRequest(event);
      return;
    }
    const parsed = parseSettings(raw, federationFromEnv(process.env, runsWithoutSecrets(event)));
    if (!parsed.ok)
      for (const warning of parsed.warnings)
        core.warning(warning, { title: 'm365-mail-preflight: input' });
    const outcome = await runPreflight(parsed, {
      log: { debug: core.debug, info: core.info, warning: (m) => core.warning(m) },
      registerSecret: core.setSecret,
      now: () => new Date(),
    });
    await publish(outcome, parsed.frontEnd, startedAt, event);
  } catch (error) {
    // Unexpected: still no stack trace in the log, but enough to report the bug.
    core.setFailed(`m365-mail-preflight failed unexpectedly: ${errorMessage(error)}`);
  }
}

const MIN_PUBLISH_MS = 1_000;

async function publish(
  outcome: PreflightOutcome,
  options: FrontEndOptions,
  /** When the step started: `timeout-seconds` and the JUnit report's time count from it. */
  startedAt: number,
  event: WorkflowEvent,
): Promise<void> {
  const deadlineAt = startedAt + options.timeoutMs;
  const { report, token } = outcome;
  // The report first: `result` and `report-path` are set only once it is written, so a step
  // never says `pass` and then fails on a full disk or an unwritable RUNNER_TEMP.
  let path: string | undefined;
  let broken: string | undefined;
  try {
    path = await writeReport(report);
  } catch (error) {
    broken = `could not write the JSON report: ${error instanceof ReportWriteError ? error.message : `${reportBase()}: ${describeWriteError(error)}`}. Free space on the runner or make RUNNER_TEMP writable; the outputs result and report-path are not set.`;
  }
  // Tokens were masked by the engine the moment they were parsed; set outputs only now, all in
  // one write (a failed write leaves none half written).
  const outputs: [string, string][] = [];
  if (token) {
    outputs.push(['access-token', token.accessToken]);
    if (token.refreshToken) outputs.push(['refresh-token', token.refreshToken]);
    outputs.push(['token-expires-on', token.expiresOn.toISOString()]);
    outputs.push(['granted-scopes', token.scopes.join(' ')]);
  }
  outputs.push(['missing-permissions', outcome.missingPermissions.join(', ')]);
  if (outcome.secretInUse) {
    outputs.push(['secret-expires-on', outcome.secretInUse.endDateTime]);
    outputs.push(['secret-days-left', String(outcome.secretInUse.daysLeft)]);
  }
  if (path) outputs.push(['result', report.result], ['report-path', path]);
  try {
    core.setOutputs(outputs);
  } catch (error) {
    broken ??= `could not write the step's outputs to GITHUB_OUTPUT (${process.env.GITHUB_OUTPUT ?? 'not set'}): ${describeWriteError(error)}. No output of this step is set.`;
  }
  if (options.junitPath) {
    const xml = toJUnitXml(report, {
      failOn: options.failOn,
      startedAt: new Date(startedAt),
      durationMs: Date.now() - startedAt,
    });
    try {
      await writeJUnit(xml, options.junitPath);
    } catch (error) {
      core.warning(
        `Could not write the JUnit report to junit-path '${options.junitPath}': ${describeWriteError(error)}`,
        { title: 'm365-mail-preflight: junit-path' },
      );
    }
  }

  const plan = planAnnotations(report);
  for (const note of plan.shown) {
    if (note.level === 'error') core.error(note.message, { title: note.title });
    else core.warning(note.message, { title: note.title });
  }
  // Notices never fail anything: e.g. an unused secret of the app that expires soon.
  for (const note of plan.notices) core.notice(note.message, { title: note.title });
  for (const check of report.checks)
    if (check.status === 'pass' || check.status === 'skip')
      core.info(`${check.status.toUpperCase()} ${check.title}: ${check.summary}`);
  if (plan.overflow.length)
    core.info(
      `${plan.overflow.length} more problems than a step can annotate are listed in the job summary.`,
    );
  await writeJobSummary(report, plan.overflow);

  const fails = failsStep(report.result, options.failOn);
  if (options.checkRun !== 'never' && (event.pullRequest || options.checkRun === 'always')) {
    await publishPullRequestCheck({
      report,
      failsStep: fails,
      token: options.githubToken,
      mode: options.checkRun,
      event,
      // The check is part of the run: it gets what is left of `timeout-seconds` (at least a
      // moment, so that a run cut short by its deadline can still say so on the pull request).
      timeoutMs: Math.max(MIN_PUBLISH_MS, deadlineAt - Date.now()),
      log: {
        debug: core.debug,
        info: core.info,
        warning: (message, title) => core.warning(message, { title }),
      },
    });
  }
  if (fails) process.exitCode = 1;
  if (broken) core.setFailed(`m365-mail-preflight ${broken}`);
}

/**
 * On a pull request from a fork GitHub passes no secrets, so every secret input is empty. That
 * is not a setup mistake: say so once and end the step cleanly instead of failing on inputs.
 */
async function skipForkPullRequest(event: WorkflowEvent): Promise<void> {
  const from = event.pullRequest?.headRepo || 'a fork';
  const message = `Pull request #${event.pullRequest?.number ?? '?'} comes from ${from}: GitHub gives workflows no secrets and no OIDC token on pull requests from forks, so client-secret, client-certificate and password are empty and federation cannot sign in. The preflight is skipped; it runs on pushes and on pull requests from branches of ${event.repository}.`;
  core.notice(message, { title: 'm365-mail-preflight skipped: pull request from a fork' });
  await writeSummaryText(
    `<h2>⏭️ Microsoft 365 mail preflight: skipped</h2>\n\n<p>${inlineHtml(message)}</p>\n`,
  );
}
