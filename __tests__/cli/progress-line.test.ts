// The progress line for long tenant scans: rewritten in place on a terminal, never in a log,
// and never showing a secret.
import { describe, expect, it } from '@jest/globals';
import { progressLine } from '../../src/cli/main.js';
import { Redactor as SecretRedactor } from '../../src/engine/redactor.js';
import { MemoryOutput } from './cli-io.js';

describe('progressLine', () => {
  it('rewrites one terminal line and clears it at the end', () => {
    const terminal = new MemoryOutput(true);
    const line = progressLine(terminal, new SecretRedactor());
    line.show('scanned 999 applications');
    line.show('scanned 1998 applications');
    line.clear();
    expect(terminal.text).toBe(
      '\r\u001b[2Kscanned 999 applications\r\u001b[2Kscanned 1998 applications\r\u001b[2K',
    );
  });

  it('prints nothing when the output is not a terminal', () => {
    const log = new MemoryOutput(false);
    const line = progressLine(log, new SecretRedactor());
    line.show('scanned 999 applications');
    line.clear();
    expect(log.text).toBe('');
  });

  it('redacts secrets the run knows', () => {
    const terminal = new MemoryOutput(true);
    const redactor = new SecretRedactor();
    redactor.add('s3cret-value');
    progressLine(terminal, redactor).show('page token s3cret-value');
    expect(terminal.text).not.toContain('s3cret-value');
  });
});
