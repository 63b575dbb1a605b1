// A hostile Graph pages the tenant scan in a circle or without end (issue 11): a repeating
// @odata.nextLink stops the scan at once, and the scan reads at most MAX_TENANT_PAGES pages.
import { afterEach, describe, expect, it } from '@jest/globals';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { MAX_TENANT_PAGES } from '../../src/credentials/tenant-apps.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import {
  healthyTenant,
  SANDBOX_CLIENT_ID,
  SANDBOX_SECRET,
  SANDBOX_TENANT_ID,
} from '../../sandbox/tenant.js';
import { startHostileHttp, type HostileHttp } from '../helpers/hostile-http.js';
import { isoIn, NOW } from './engine-run.js';

let sandbox: Sandbox | undefined;
let graph: HostileHttp | undefined;
afterEach(async () => {
  await graph?.close();
  await sandbox?.close();
});

/** Graph answering the app's own read, and page n of the applications with `nextLink(n)`. */
async function scan(nextLink: (graphUrl: string, page: number) => string) {
  sandbox = await startSandbox({ tenant: healthyTenant(NOW.getTime()) });
  const server = await startHostileHttp((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.path.startsWith('/v1.0/applications(')) {
      res.end(
        JSON.stringify({
          id: 'x',
          appId: SANDBOX_CLIENT_ID,
          displayName: 'Mail connector',
          passwordCredentials: [
            { keyId: 'k', displayName: 'CI secret', hint: 'Xk4', endDateTime: isoIn(200) },
          ],
        }),
      );
      return;
    }
    // The page asked for is in the link's $skiptoken (none on the first page).
    const page = Number(/\$skiptoken=(\d+)/.exec(req.path)?.[1] ?? 0) + 1;
    res.end(JSON.stringify({ value: [], '@odata.nextLink': nextLink(server.url, page) }));
  });
  graph = server;
  const parsed = parseSettings({
    'tenant-id': SANDBOX_TENANT_ID,
    'client-id': SANDBOX_CLIENT_ID,
    'client-secret': SANDBOX_SECRET,
    checks: 'secret-expiry',
    'secret-expiry-scope': 'tenant',
    'timeout-seconds': '120',
    endpoints: `authority=${sandbox.url}\ngraph=${server.url}`,
  });
  const outcome = await runPreflight(parsed, {
    log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
    registerSecret: () => undefined,
    now: () => NOW,
  });
  const result = outcome.report.checks.find(
    (c) => c.title === 'Credential expiry across the tenant',
  );
  const pages = server.requests.filter((r) => r.path.startsWith('/v1.0/applications?'));
  return { result, pages };
}

describe('tenant scan against a Graph that pages without end', () => {
  it('a nextLink that repeats an earlier page stops the scan at once', async () => {
    const { result, pages } = await scan(
      (url, n) => `${url}/v1.0/applications?$skiptoken=${n % 3}`, // 1, 2, 0, 1: the 4th repeats
    );
    expect(result?.status).toBe('fail');
    expect(result?.summary).toMatch(
      /Microsoft Graph's next page link of the list of applications repeats an earlier page \(after \d+ pages\)/,
    );
    expect(pages).toHaveLength(4);
  });

  it(`new links without end: at most ${MAX_TENANT_PAGES} pages are read`, async () => {
    const { result, pages } = await scan((url, n) => `${url}/v1.0/applications?$skiptoken=${n}`);
    expect(result?.status).toBe('fail');
    expect(result?.summary).toContain(
      `Microsoft Graph kept paging the list of applications past ${MAX_TENANT_PAGES} pages`,
    );
    expect(pages).toHaveLength(MAX_TENANT_PAGES);
  }, 60_000);
});
