// read-inputs.ts with the workflow commands mocked: secret inputs are masked the moment they are read
// (trimmed forms too), the password is read untrimmed, everything else trimmed.
import { describe, expect, it, jest } from '@jest/globals';

const values: Record<string, string> = {
  'tenant-id': ' contoso.onmicrosoft.com ',
  'client-secret': 'Xk48Q~secret',
  password: '  pass word  ',
  'github-token': '',
};
const calls: string[] = [];
jest.unstable_mockModule('../../src/action/workflow-commands.js', () => ({
  getInput: (name: string, options?: { trimWhitespace?: boolean }) => {
    calls.push(`getInput ${name} trim=${String(options?.trimWhitespace ?? true)}`);
    const value = values[name] ?? '';
    return options?.trimWhitespace === false ? value : value.trim();
  },
  setSecret: (value: string) => calls.push(`setSecret ${value}`),
}));
const { readActionInputs } = await import('../../src/action/read-inputs.js');

describe('readActionInputs', () => {
  it('masks secrets at once, keeps the password untrimmed, trims the rest', () => {
    const raw = readActionInputs();
    expect(raw['tenant-id']).toBe('contoso.onmicrosoft.com');
    expect(raw.password).toBe('  pass word  ');
    expect(raw['client-secret']).toBe('Xk48Q~secret');
    expect(calls).toContain('getInput password trim=false');
    // Each secret is masked right after its own read, before the next input is read.
    const secretRead = calls.indexOf('getInput client-secret trim=true');
    expect(calls[secretRead + 1]).toBe('setSecret Xk48Q~secret');
    const passwordRead = calls.indexOf('getInput password trim=false');
    expect(calls.slice(passwordRead + 1, passwordRead + 3)).toEqual([
      'setSecret   pass word  ',
      'setSecret pass word',
    ]);
    // Empty secret inputs register nothing.
    expect(calls.filter((c) => c.startsWith('setSecret'))).toHaveLength(3);
  });
});
