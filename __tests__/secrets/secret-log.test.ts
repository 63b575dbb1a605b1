// The tenant scan's findings log: entries read back soonest first (ties: this app's first, then
// in the order added), the same whether they went to its file or stayed in memory because the
// file could not be created; and nothing is left in the temp directory.
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SecretLog } from '../../src/credentials/secret-log.js';
import type { SecretReport } from '../../src/engine/types.js';

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 10, 30);

function entry(n: number, days: number): SecretReport {
  return {
    keyId: `key-${n}`,
    // Long and not ASCII: byte lengths, not characters, place the lines in the file.
    displayName: `secret ${n} ${'ü'.repeat(n % 7)}`,
    hint: 'abc',
    endDateTime: new Date(BASE + days * DAY).toISOString(),
    daysLeft: days,
    inUse: false,
    app: `app ${n}`,
    kind: 'password',
  };
}

/** Enough entries to pass the log's 1 MiB in memory several times. */
const MANY = 30_000;
const daysOf = (n: number) => ((n * 7919) % 61) - 30;

function expected(): SecretReport[] {
  const all = Array.from({ length: MANY }, (_, n) => entry(n, daysOf(n)));
  return all.sort((a, b) => Date.parse(a.endDateTime) - Date.parse(b.endDateTime));
}

describe('SecretLog', () => {
  it('reads entries back soonest first, stable, from its file; the file leaves no trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'secret-log-test-'));
    const log = new SecretLog(() => dir);
    for (let n = 0; n < MANY; n++) log.add(entry(n, daysOf(n)));
    expect(log).toHaveLength(MANY);
    expect([...log]).toEqual(expected());
    // Read again: the same order.
    expect([...log].map((e) => e.keyId)).toEqual(expected().map((e) => e.keyId));
    expect(readdirSync(dir)).toEqual([]);
  });

  it("puts this app's entries (rank 0) before others ending at the same instant", () => {
    const log = new SecretLog();
    log.add(entry(1, 5));
    log.add(entry(2, 3));
    log.add(entry(3, 5), 0);
    log.add(entry(4, 5));
    expect([...log].map((e) => e.keyId)).toEqual(['key-2', 'key-3', 'key-1', 'key-4']);
  });

  it('keeps every entry in memory when no file can be created', () => {
    const log = new SecretLog(() => join(tmpdir(), 'no-such-dir-secret-log', 'deeper'));
    for (let n = 0; n < MANY; n++) log.add(entry(n, daysOf(n)));
    expect([...log]).toEqual(expected());
  });

  it('is empty until something is added', () => {
    const log = new SecretLog();
    expect(log).toHaveLength(0);
    expect([...log]).toEqual([]);
  });
});
