// A short job summary: the verdict and one row per check. A summary that cannot be written (no
// GITHUB_STEP_SUMMARY, e.g. a local run) is not a reason to fail the step.
import * as core from './workflow-commands.js';
import type { Report } from '../engine/types.js';

const ICON = { pass: '✅', warn: '⚠️', fail: '❌', skip: '⏭️' } as const;

export async function writeJobSummary(report: Report): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary
      .addHeading(`${ICON[report.result]} Microsoft 365 mail preflight: ${report.result}`, 2)
      .addTable([
        [
          { data: 'Check', header: true },
          { data: 'Status', header: true },
          { data: 'Summary', header: true },
          { data: 'Fix', header: true },
        ],
        ...report.checks.map((c) => [
          c.title,
          `${ICON[c.status]} ${c.status}`,
          c.summary,
          c.remediation ?? '',
        ]),
      ])
      .write();
  } catch (error) {
    core.warning(
      `could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
