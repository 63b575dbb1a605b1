// The HTTP adapter against the sandbox over real loopback HTTP: what it retries, how long it
// waits, when it gives up, and what its errors say.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import { startSandbox, type Sandbox } from '../../sandbox/server.js';
import { SANDBOX_CLIENT_ID, SANDBOX_SECRET, SANDBOX_TENANT_ID } from '../../sandbox/tenant.js';
import { Deadline } from '../../src/http/deadline.js';
import { HttpError } from '../../src/http/errors.js';
import type { RetryPolicy } from '../../src/http/retry-policy.js';
import type { HttpRequest, RetryMode } from '../../src/http/types.js';
import { createHttpClient, type UndiciClientOptions } from '../../src/http/undici-client.js';

let sandbox: Sandbox;
let deadline: Deadline;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.faults.clear());
afterEach(() => deadline?.dispose());

const FAST: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5, random: () => 0.5 };

function client(options: Partial<UndiciClientOptions> & { deadlineMs?: number } = {}) {
  deadline = new Deadline(options.deadlineMs ?? 10_000);
  return createHttpClient({ deadline, policy: FAST, ...options });
}

const tokenRequest = (retry?: RetryMode, timeoutMs?: number): HttpRequest => ({
  method: 'POST',
  url: `${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: SANDBOX_CLIENT_ID,
    client_secret: SANDBOX_SECRET,
    scope: 'https://outlook.office365.com/.default',
  }).toString(),
  endpointName: 'token endpoint (test)',
  retry,
  timeoutMs,
});

const tokenRequests = (since: number) =>
  sandbox.requests.slice(since).filter((r) => r.route === 'token');

describe('retries', () => {
  it('429 with a decimal Retry-After (as Entra sends it): waits at least that long, then succeeds', async () => {
    sandbox.faults.add({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 2.128,
      times: 1,
      route: 'token',
    });
    const before = sandbox.requests.length;
    const res = await client().request(tokenRequest());
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    const [first, second] = tokenRequests(before);
    // The sandbox's own arrival times: the second request came no sooner than Retry-After.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2128);
  });

  it('503 twice, then succeeds on the third attempt', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, times: 2, route: 'token' });
    const before = sandbox.requests.length;
    const res = await client().request(tokenRequest());
    expect(res).toMatchObject({ status: 200, attempts: 3 });
    expect(tokenRequests(before)).toHaveLength(3);
  });

  it('waits with full jitter: a random share of an exponentially growing ceiling', async () => {
    sandbox.faults.add({ kind: 'status', status: 500, times: 3, route: 'token' });
    const waits: number[] = [];
    const res = await client({
      policy: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250, random: () => 0.5 },
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    }).request(tokenRequest());
    expect(res.status).toBe(200);
    // 0.5 of min(250, 100·2^(n-1)): 50, 100, then capped at 125.
    expect(waits).toEqual([50, 100, 125]);
  });

  it('does not retry a 4xx other than 429', async () => {
    const before = sandbox.requests.length;
    const res = await client().request({ ...tokenRequest(), body: 'grant_type=password' });
    expect(res.status).toBe(400);
    expect(res.attempts).toBe(1);
    expect(tokenRequests(before)).toHaveLength(1);
  });

  it('gives up at once when Retry-After reaches past the deadline, returning the 429', async () => {
    sandbox.faults.add({
      kind: 'status',
      status: 429,
      retryAfterSeconds: 30,
      times: 1,
      route: 'token',
    });
    const waits: number[] = [];
    const before = sandbox.requests.length;
    const res = await client({
      deadlineMs: 5_000,
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    }).request(tokenRequest());
    expect(res).toMatchObject({ status: 429, attempts: 1 });
    expect(waits).toEqual([]);
    expect(tokenRequests(before)).toHaveLength(1);
  });
});

describe('hangs and deadlines', () => {
  it('a hung endpoint fails within the deadline, naming the endpoint', async () => {
    sandbox.faults.add({ kind: 'hang', times: 99, route: 'token' });
    const started = Date.now();
    const error = await client({ deadlineMs: 1_000 })
      .request(tokenRequest())
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).kind).toBe('deadline');
    expect((error as HttpError).message).toBe(
      `token endpoint (test) (${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token) did not answer before the run's deadline (timeout-seconds: 1)`,
    );
  });

  it('a per-attempt timeout is retried for idempotent requests', async () => {
    sandbox.faults.add({ kind: 'hang', times: 1, route: 'token' });
    const before = sandbox.requests.length;
    const res = await client().request(tokenRequest('all', 300));
    expect(res).toMatchObject({ status: 200, attempts: 2 });
    expect(tokenRequests(before)).toHaveLength(2);
  });
});

describe('latency', () => {
  it('a slow answer within the per-attempt timeout is waited for', async () => {
    sandbox.faults.latencyMs = 200;
    const started = Date.now();
    const res = await client().request(tokenRequest('none', 2_000));
    expect(res).toMatchObject({ status: 200, attempts: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('an answer slower than the per-attempt timeout is a timeout naming the endpoint', async () => {
    sandbox.faults.latencyMs = 500;
    const error = await client()
      .request(tokenRequest('none', 100))
      .catch((e: unknown) => e);
    expect((error as HttpError).kind).toBe('timeout');
    expect((error as HttpError).message).toMatch(/^token endpoint \(test\) .* within 100 ms$/);
  });
});

describe("retry: 'unprocessed' (the password grant)", () => {
  it.each([429, 503])('retries %i: the server did not act on the request', async (status) => {
    sandbox.faults.add({ kind: 'status', status, times: 1, route: 'token' });
    const res = await client().request(tokenRequest('unprocessed'));
    expect(res).toMatchObject({ status: 200, attempts: 2 });
  });

  it.each([500, 502, 504])(
    'does not retry %i: the password may have been checked',
    async (status) => {
      sandbox.faults.add({ kind: 'status', status, times: 1, route: 'token' });
      const before = sandbox.requests.length;
      const res = await client().request(tokenRequest('unprocessed'));
      expect(res).toMatchObject({ status, attempts: 1 });
      expect(tokenRequests(before)).toHaveLength(1);
    },
  );

  it('does not retry after a timeout: the request may have arrived', async () => {
    sandbox.faults.add({ kind: 'hang', times: 1, route: 'token' });
    const before = sandbox.requests.length;
    const error = await client()
      .request(tokenRequest('unprocessed', 300))
      .catch((e: unknown) => e);
    expect((error as HttpError).kind).toBe('timeout');
    expect((error as HttpError).message).toMatch(
      /^token endpoint \(test\) \(.*\) did not answer within 300 ms$/,
    );
    expect(tokenRequests(before)).toHaveLength(1);
  });

  it('retries a refused connection: nothing was sent', async () => {
    // A port that was free a moment ago: connecting is refused.
    const probe = createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as { port: number };
    await new Promise((done) => probe.close(done));
    const retries: string[] = [];
    const error = await client({ onRetry: (info) => retries.push(info.reason) })
      .request({
        ...tokenRequest('unprocessed'),
        url: `http://127.0.0.1:${port}/t/oauth2/v2.0/token`,
      })
      .catch((e: unknown) => e);
    expect((error as HttpError).kind).toBe('network');
    expect((error as HttpError).code).toBe('ECONNREFUSED');
    expect((error as HttpError).message).toMatch(/could not be reached: ECONNREFUSED/);
    expect(retries).toEqual(['network', 'network', 'network']);
  });
});
