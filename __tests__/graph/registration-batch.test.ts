// getRegistration: one $batch against the sandbox's Graph, items answered in shuffled order,
// per-item errors and throttling, paging, and the application fields other checks consume.
import { afterEach, describe, expect, it } from '@jest/globals';
import { createRunContext, registration as getRegistration } from '../../src/checks/context.js';
import { registrationBatch } from '../../src/graph/registration.js';
import { parseSettings } from '../../src/settings/parse-settings.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_CLIENT_ID, SANDBOX_SECRET, healthyTenant } from '../../sandbox/tenant.js';
import { permissionsResult, runEngine, sandboxInputs } from '../permissions/engine-run.js';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

function context(sb: Sandbox, inputs: Record<string, string> = {}) {
  const parsed = parseSettings({ ...sandboxInputs(sb), ...inputs });
  if (!parsed.ok) throw new Error('bad inputs');
  const logs: string[] = [];
  const ctx = createRunContext(parsed.settings, {
    log: { debug: () => undefined, info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    registerSecret: () => undefined,
    now: () => new Date(),
    retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2, random: () => 0 },
  });
  return { ctx, logs };
}

const batches = (sb: Sandbox) =>
  sb.requests
    .filter((r) => r.route === 'graph' && r.path === '/v1.0/$batch')
    .map((r) => (JSON.parse(r.body) as { requests: { id: string; url: string }[] }).requests);

describe('the registration read', () => {
  it('is one $batch of at most 20 requests, and reads every part', async () => {
    sandbox = await startSandbox();
    const { ctx } = context(sandbox);
    const read = await getRegistration(ctx);
    ctx.deadline.dispose();
    expect(sandbox.requests.filter((r) => r.route === 'graph')).toHaveLength(1);
    const [batch] = batches(sandbox);
    expect(batch!.length).toBeLessThanOrEqual(20);
    expect(batch!.map((r) => r.id)).toEqual(registrationBatch(SANDBOX_CLIENT_ID).map((r) => r.id));
    // Fields the secret-expiry check consumes.
    expect(read.application).toMatchObject({
      appId: SANDBOX_CLIENT_ID,
      displayName: 'Mail connector (sandbox)',
      passwordCredentials: [
        { keyId: 'c0ffee00-1111-4222-8333-444455556666', hint: SANDBOX_SECRET.slice(0, 3) },
      ],
      keyCredentials: [],
    });
    expect(read.failure).toBeUndefined();
    expect(read.servicePrincipal).toMatchObject({
      ok: true,
      value: { id: 'b1d2c3b4-0000-4000-8000-00000000b001' },
    });
    expect(read.appRoleAssignments?.ok && read.appRoleAssignments.value).toHaveLength(5);
    expect(read.permissionGrants?.ok && read.permissionGrants.value).toHaveLength(1);
    expect(read.resources?.graph.ok && read.resources.graph.value.appRoles.length).toBeGreaterThan(
      0,
    );
    expect(read.resources?.exchange.ok && read.resources.exchange.value.id).toBe(
      'e2e2e2e2-0000-4000-8000-00000000e002',
    );
  });

  it('the sandbox answers batch items out of the order asked (so the client cannot rely on it)', async () => {
    sandbox = await startSandbox();
    const { ctx } = context(sandbox);
    const token = await ctx.tokens.graph();
    ctx.deadline.dispose();
    if (!token?.ok) throw new Error('no graph token');
    const requests = registrationBatch(SANDBOX_CLIENT_ID).map((r) => ({ ...r, method: 'GET' }));
    const res = await fetch(`${sandbox.url}/v1.0/$batch`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token.token.accessToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ requests }),
    });
    const body = (await res.json()) as { responses: { id: string; status: number }[] };
    expect(res.status).toBe(200);
    expect(body.responses.map((r) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
    expect(body.responses.map((r) => r.id)).not.toEqual(requests.map((r) => r.id));
  });

  it('reports per-item refusals part by part; the self-reads still succeed', async () => {
    sandbox = await startSandbox({ scenario: 'grant-reads-denied' });
    const { ctx } = context(sandbox);
    const read = await getRegistration(ctx);
    ctx.deadline.dispose();
    expect(read.application?.appId).toBe(SANDBOX_CLIENT_ID);
    expect(read.servicePrincipal?.ok).toBe(true);
    for (const part of [
      read.appRoleAssignments,
      read.permissionGrants,
      read.resources?.graph,
      read.resources?.exchange,
    ])
      expect(part).toMatchObject({
        ok: false,
        failure: { status: 403, code: 'Authorization_RequestDenied' },
      });
  });

  it('retries only the items throttled with 429, after their Retry-After (decimal, as Graph sends it)', async () => {
    const tenant = healthyTenant();
    tenant.batchItemThrottle = {
      times: 2,
      retryAfterSeconds: 0.249,
      urlIncludes: '/servicePrincipals',
    };
    sandbox = await startSandbox({ tenant });
    const { ctx, logs } = context(sandbox);
    const read = await getRegistration(ctx);
    ctx.deadline.dispose();
    const [first, second, ...rest] = batches(sandbox);
    expect(rest).toEqual([]);
    expect(first).toHaveLength(6);
    // The second batch holds exactly the two throttled items (the first two with that URL).
    expect(second!.map((r) => r.id)).toEqual(['servicePrincipal', 'appRoleAssignments']);
    expect(logs.join('\n')).toMatch(/2 item\(s\) throttled \(429\), retrying them in 249 ms/);
    // The retry waited out Retry-After (0.249 s) before it was sent.
    const sent = sandbox.requests.filter((r) => r.path === '/v1.0/$batch').map((r) => r.at);
    expect(sent[1]! - sent[0]!).toBeGreaterThanOrEqual(249);
    expect(read.servicePrincipal?.ok).toBe(true);
    expect(read.appRoleAssignments?.ok).toBe(true);
  });

  it('gives up on throttled items when the deadline leaves no time to wait, without failing the rest', async () => {
    const tenant = healthyTenant();
    tenant.batchItemThrottle = {
      times: 1,
      retryAfterSeconds: 120,
      urlIncludes: 'oauth2PermissionGrants',
    };
    sandbox = await startSandbox({ tenant });
    const run = await runEngine(sandbox, { 'timeout-seconds': '10' });
    const result = permissionsResult(run);
    expect(batches(sandbox)).toHaveLength(1);
    expect(result.details).toMatch(
      /refused to show oauth2PermissionGrants.*throttled.*left no time to wait 120 s/,
    );
    // Consent of delegated permissions is then judged from the token.
    expect(result.status).toBe('pass');
  });

  it('follows @odata.nextLink to the end of paged collections', async () => {
    sandbox = await startSandbox({ scenario: 'graph-paged' });
    const { ctx } = context(sandbox);
    const read = await getRegistration(ctx);
    ctx.deadline.dispose();
    expect(read.appRoleAssignments?.ok && read.appRoleAssignments.value).toHaveLength(5);
    const pages = sandbox.requests.filter(
      (r) => r.route === 'graph' && r.path.includes('$skiptoken'),
    );
    // 4 more pages of appRoleAssignments; the one grant fits on the first page.
    expect(pages).toHaveLength(4);
    expect(pages.every((p) => p.path.startsWith("/v1.0/servicePrincipals(appId='"))).toBe(true);
  });

  it('turns a batch answered with an HTML page into a failure of every part', async () => {
    sandbox = await startSandbox();
    sandbox.faults.add({ kind: 'html', status: 502, times: 10, route: 'graph' });
    const run = await runEngine(sandbox);
    const result = permissionsResult(run);
    expect(result.details).toMatch(/Could not read the registration through Microsoft Graph/);
    expect(result.status).toBe('pass');
    expect(result.summary).toMatch(/judged from the token/);
  });
});

// Both appId-addressed navigations (appRoleAssignments, oauth2PermissionGrants) are documented in
// Graph v1.0, so one batch reads everything: no second round trip by object id is needed.
describe('the grant lists are read by appId', () => {
  it('in the one batch, with no request by object id', async () => {
    sandbox = await startSandbox();
    const { ctx } = context(sandbox);
    const read = await getRegistration(ctx);
    ctx.deadline.dispose();
    const all = batches(sandbox);
    expect(all).toHaveLength(1);
    expect(all[0]!.map((r) => r.url)).toContain(
      `/servicePrincipals(appId='${healthyTenant().app.appId}')/appRoleAssignments`,
    );
    expect(read.appRoleAssignments?.ok && read.appRoleAssignments.value).toHaveLength(5);
    expect(read.permissionGrants?.ok).toBe(true);
  });
});
