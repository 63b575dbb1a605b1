// The GitHub Action front end: inputs → engine → masked outputs, report, annotations, summary,
// pull-request check, exit status. Expected failures end with plain ::error:: lines, never a
// stack trace.
import * as core from './workflow-commands.js';
import { runPreflight } from '../engine/run-preflight.js';
import { proxyAwareDispatcher } from '../http/dispatcher.js';
import type { PreflightOutcome } from '../engine/types.js';
import { failsStep } from '../engine/verdict.js';
import { publishPullRequestCheck } from '../github/check-run.js';
import { readWorkflowEvent, runsWithoutSecrets, type WorkflowEvent } from '../github/event.js';
import { DEFAULTS, parseSettings, type ParseResult } from '../settings/parse-settings.js';
import type { CheckRunMode, FailOn, RawInputs } from '../settings/types.js';
import { planAnnotations } from '../report/annotations.js';
import { escapeHtml } from '../report/html.js';
import { defaultReportPath, writeReport } from '../report/json-report.js';
import { toJUnitXml, writeJUnit } from '../report/junit.js';
import { readActionInputs } from './read-inputs.js';
import { writeJobSummary, writeSummaryText } from './job-summary.js';

export async function run(): Promise<void> {
  const startedAt = Date.now();
  try {
    // Reading the inputs masks the secret ones: nothing is printed before this.
    const raw = readActionInputs();
    const event = readWorkflowEvent();
    if (runsWithoutSecrets(event) && !raw['client-secret'] && !raw.password) {
      await skipForkPullRequest(event);
      return;
    }
    const parsed = parseSettings(raw);
    if (!parsed.ok)
      for (const warning of parsed.warnings)
        core.warning(warning, { title: 'm365-mail-preflight: input' });
    const outcome = await runPreflight(parsed, {
      log: { debug: core.debug, info: core.info, warning: (m) => core.warning(m) },
      registerSecret: core.setSecret,
      now: () => new Date(),
      dispatcher: proxyAwareDispatcher(),
    });
    await publish(outcome, publishOptions(parsed, raw, startedAt), event);
  } catch (error) {
    // Unexpected: still no stack trace in the log, but enough to report the bug.
    core.setFailed(
      `m365-mail-preflight failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const DEFAULT_TIMEOUT_MS = Number(DEFAULTS['timeout-seconds']) * 1000;
const MIN_PUBLISH_MS = 1_000;

interface PublishOptions {
  /** When `timeout-seconds` runs out, counted from the start of the step. */
  deadlineAt: number;
  failOn: FailOn;
  githubToken: string;
  checkRun: CheckRunMode;
  startedAt: number;
  /** '' for no JUnit file. */
  junitPath: string;
}

/** Refused inputs still get a check on the pull request, from what can be read of the inputs. */
function publishOptions(parsed: ParseResult, raw: RawInputs, startedAt: number): PublishOptions {
  if (parsed.ok) {
    const { failOn, githubToken, checkRun, timeoutMs, junitPath } = parsed.settings;
    return {
      failOn,
      githubToken,
      checkRun,
      deadlineAt: startedAt + timeoutMs,
      startedAt,
      junitPath,
    };
  }
  const mode = raw['check-run']?.trim();
  return {
    deadlineAt: startedAt + DEFAULT_TIMEOUT_MS,
    failOn: 'error',
    githubToken: raw['github-token']?.trim() ?? '',
    checkRun: mode === 'always' || mode === 'never' ? mode : 'auto',
    startedAt,
    junitPath: raw['junit-path']?.trim() ?? '',
  };
}

async function publish(
  outcome: PreflightOutcome,
  options: PublishOptions,
  event: WorkflowEvent,
): Promise<void> {
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
  if (options.junitPath) {
    const xml = toJUnitXml(report, {
      failOn: options.failOn,
      startedAt: new Date(options.startedAt),
      durationMs: Date.now() - options.startedAt,
    });
    try {
      await writeJUnit(xml, options.junitPath);
    } catch (error) {
      core.warning(
        `Could not write the JUnit report to junit-path '${options.junitPath}': ${error instanceof Error ? error.message : String(error)}`,
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
      timeoutMs: Math.max(MIN_PUBLISH_MS, options.deadlineAt - Date.now()),
      log: {
        debug: core.debug,
        info: core.info,
        warning: (message, title) => core.warning(message, { title }),
      },
    });
  }
  if (fails) process.exitCode = 1;
}

/**
 * On a pull request from a fork GitHub passes no secrets, so every secret input is empty. That
 * is not a setup mistake: say so once and end the step cleanly instead of failing on inputs.
 */
async function skipForkPullRequest(event: WorkflowEvent): Promise<void> {
  const from = event.pullRequest?.headRepo || 'a fork';
  const message = `Pull request #${event.pullRequest?.number ?? '?'} comes from ${from}: GitHub gives workflows no secrets on pull requests from forks, so client-secret and password are empty. The preflight is skipped; it runs on pushes and on pull requests from branches of ${event.repository}.`;
  core.notice(message, { title: 'm365-mail-preflight skipped: pull request from a fork' });
  await writeSummaryText(
    `<h2>⏭️ Microsoft 365 mail preflight: skipped</h2>\n\n<p>${escapeHtml(message)}</p>\n`,
  );
}
