// dist/index.js turns on Node's compile cache only where a later run can use it: not on a
// GitHub-hosted runner (a fresh machine per job), where writing an empty cache only costs; and
// then only in a private directory under RUNNER_TEMP (src/index.ts).
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '../../sandbox/server.js';
import { sandboxInputs } from '../../sandbox/inputs.js';
import { runAction } from '../helpers/run-action.js';
import { NODE24_PATH } from '../helpers/node-binaries.js';

const suite = existsSync(NODE24_PATH) ? describe : describe.skip;

suite('the compile cache (Node 24)', () => {
  it.each([
    ['github-hosted', false],
    ['self-hosted', true],
  ])(
    'on a %s runner: cache written %s',
    async (environment, written) => {
      const sandbox = await startSandbox();
      try {
        const temp = mkdtempSync(join(tmpdir(), 'm365-cache-'));
        const cache = join(temp, 'm365-mail-preflight-compile-cache');
        const run = await runAction(
          sandboxInputs(sandbox, { endpoints: `authority=${sandbox.url}` }),
          {
            node: NODE24_PATH,
            env: { RUNNER_ENVIRONMENT: environment, RUNNER_TEMP: temp },
          },
        );
        expect(run.outputs.result).toBe('pass');
        expect(existsSync(cache) && readdirSync(cache).length > 0).toBe(written);
      } finally {
        await sandbox.close();
      }
    },
    60_000,
  );
});
