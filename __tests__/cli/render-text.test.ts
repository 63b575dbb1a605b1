// The CLI's text form of a report: fixes of several lines stay under "Fix:", and long tables and
// details are cut for the terminal (saying how much, and where the rest is) unless --verbose.
import { describe, expect, it } from '@jest/globals';
import { TEXT_MAX_DETAIL_LINES, TEXT_MAX_ROWS, renderText } from '../../src/cli/render-text.js';
import type { Report } from '../../src/engine/types.js';

const rows = Array.from({ length: 250 }, (_, i) => [`app ${i}`, `${i - 5}`]);
const details = Array.from({ length: 120 }, (_, i) => `credential ${i} expires soon`).join('\n');
const report: Report = {
  version: 1,
  result: 'fail',
  tenantId: 't',
  clientId: 'c',
  grant: 'client-credentials',
  checks: [
    {
      id: 'permissions',
      title: 'Permissions',
      status: 'fail',
      summary: 'SMTP.Send missing',
      remediation: 'Add SMTP.Send under API permissions.\nThen grant admin consent.',
    },
    {
      id: 'secret-expiry',
      title: 'Secret expiry',
      status: 'warn',
      summary: '250 credentials expire within 30 days',
      tables: [{ caption: 'Credentials', headers: ['App', 'Days left'], rows }],
      details,
    },
  ],
  token: null,
  secrets: [],
};

describe('renderText', () => {
  it('keeps every line of a multi-line fix indented under "Fix:"', () => {
    const lines = renderText(report, { color: false, verbose: false }).split('\n');
    const at = lines.findIndex((l) => l.includes('Fix: Add SMTP.Send'));
    expect(lines[at]).toBe('        Fix: Add SMTP.Send under API permissions.');
    expect(lines[at + 1]).toBe('             Then grant admin consent.');
  });

  it('cuts long tables and details for the terminal and says where the rest is', () => {
    const text = renderText(report, { color: false, verbose: false });
    expect(text).toContain(`app ${TEXT_MAX_ROWS - 1}  `);
    expect(text).not.toContain(`app ${TEXT_MAX_ROWS}  `);
    expect(text).toContain(
      `… ${250 - TEXT_MAX_ROWS} more rows: --verbose shows them, --json gives the whole report`,
    );
    expect(text).toContain(`credential ${TEXT_MAX_DETAIL_LINES - 1} expires`);
    expect(text).not.toContain(`credential ${TEXT_MAX_DETAIL_LINES} expires`);
    expect(text).toContain(`… ${120 - TEXT_MAX_DETAIL_LINES} more lines: --verbose shows them`);
  });

  it('shows everything with --verbose', () => {
    const text = renderText(report, { color: false, verbose: true });
    expect(text).toContain('app 249  ');
    expect(text).toContain('credential 119 expires');
    expect(text).not.toContain('more rows');
    expect(text).not.toContain('more lines');
  });
});
