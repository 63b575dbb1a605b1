// docs/assistant.md's security note names, for each kind of write, the permission and the roles the
// code asks for (src/assistant/plan.ts NEEDS) and the scopes the administrator's sign-in requests.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { ADMIN_SCOPES, NEEDS } from '../../src/assistant/plan.js';

const doc = readFileSync('docs/assistant.md', 'utf8');
const note = doc.slice(doc.indexOf('## Security note'), doc.indexOf('## What it does not do'));

describe('docs/assistant.md security note', () => {
  it.each(Object.entries(NEEDS))('names what a %s write needs', (_kind, needs) => {
    expect(note).toContain(`\`${needs.permission.split(' ')[0]}\``);
    for (const role of needs.roles) expect(note).toContain(role);
  });

  it('names the scopes of the plan and of --apply', () => {
    for (const scope of [...ADMIN_SCOPES.plan, ...ADMIN_SCOPES.apply])
      expect(note).toContain(`\`${scope}\``);
  });

  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('(docs/assistant.md)');
  });
});
