// Adapters.http replaces the run's HTTP client, so a unit test of the engine and a check needs no
// server: the token check through a client that answers from memory, with the token endpoint's
// answer shape (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow).
// The loopback tests remain the evidence that the real client and servers agree.
import { describe, expect, it } from '@jest/globals';
import type { HttpRequest, HttpResponse } from '../../src/http/types.js';
import { runPreflight } from '../../src/preflight.js';
import { parseSettings } from '../../src/settings/parse-settings.js';

const TENANT = '8f0c1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const CLIENT = '1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b';

function run(answer: (req: HttpRequest) => HttpResponse) {
  const seen: HttpRequest[] = [];
  const registered: string[] = [];
  const outcome = runPreflight(
    parseSettings({
      'tenant-id': TENANT,
      'client-id': CLIENT,
      'client-secret': 'not-a-real-secret-value',
      checks: 'token',
    }),
    {
      log: { debug: () => undefined, info: () => undefined, warning: () => undefined },
      registerSecret: (v) => registered.push(v),
      now: () => new Date('2026-11-30T08:00:00Z'),
      http: {
        request: (req) => {
          seen.push(req);
          return Promise.resolve(answer(req));
        },
      },
    },
  );
  return { outcome, seen, registered };
}

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: {},
  contentType: 'application/json',
  text: JSON.stringify(body),
  attempts: 1,
});

describe('an injected HTTP client', () => {
  it('carries the whole run: one token request, the token masked and handed on', async () => {
    const { outcome, seen, registered } = run(() =>
      json(200, { token_type: 'Bearer', access_token: 'in-memory-token', expires_in: 3599 }),
    );
    const { report, token } = await outcome;
    expect(seen.map((r) => `${r.method} ${r.url}`)).toEqual([
      `POST https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    ]);
    expect(seen[0]!.body).toContain('grant_type=client_credentials');
    expect(registered).toContain('in-memory-token');
    expect(report.checks.find((c) => c.id === 'token')?.status).toBe('pass');
    expect(token?.accessToken).toBe('in-memory-token');
  });

  it('turns a refusal into the diagnosis, as over the network', async () => {
    const { outcome } = run(() =>
      json(401, { error: 'invalid_client', error_codes: [7000215], error_description: 'x' }),
    );
    const { report, token } = await outcome;
    expect(report.checks.find((c) => c.id === 'token')).toMatchObject({
      status: 'fail',
      code: 'AADSTS7000215',
    });
    expect(token).toBeUndefined();
  });
});
