// The preflight's start-up does not grow with the assistant: the built CLI loads `consent` and
// `setup` from a separate chunk only when one of them is asked for.
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';

describe('dist/cli: the assistant is a lazy chunk', () => {
  it('index.js does not hold the assistant; one chunk does', () => {
    const main = readFileSync('dist/cli/index.js', 'utf8');
    expect(main).not.toContain('adminconsent?client_id=');
    expect(main).not.toContain('federatedIdentityCredentials');
    const chunks = readdirSync('dist/cli').filter((f) => /^\d+\.index\.js$/.test(f));
    const holders = chunks.filter((f) =>
      readFileSync(`dist/cli/${f}`, 'utf8').includes('adminconsent?client_id='),
    );
    expect(holders).toHaveLength(1);
  });
});
