// Writes the rendered summary to the step's summary file. A summary that cannot be written (no
// GITHUB_STEP_SUMMARY, e.g. a local run) is not a reason to fail the step.
import * as core from './workflow-commands.js';
import type { Report } from '../engine/types.js';
import { errorMessage } from '../http/errors.js';
import type { Annotation } from '../report/annotations.js';
import { setupGuideUrl } from '../report/setup-link.js';
import { renderSummary } from '../report/summary-html.js';

export async function writeJobSummary(
  report: Report,
  overflow: readonly Annotation[] = [],
): Promise<void> {
  await writeSummaryText(
    renderSummary(report, { overflow, setupGuideUrl: setupGuideUrl(process.env) }),
  );
}

export async function writeSummaryText(text: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.appendSummary(text);
  } catch (error) {
    core.warning(`could not write the job summary: ${errorMessage(error)}`);
  }
}
