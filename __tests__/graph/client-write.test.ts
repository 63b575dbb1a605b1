// GraphClient.write(): a POST/PATCH with a JSON body, retried only when Graph provably did not act,
// and a refusal as a failure value with Graph's status and code (never its message).
import { describe, expect, it } from '@jest/globals';
import { GraphClient } from '../../src/graph/client.js';
import { Deadline } from '../../src/http/deadline.js';
import type { HttpClient, HttpRequest } from '../../src/http/types.js';

function client(status: number, text: string) {
  const seen: HttpRequest[] = [];
  const http: HttpClient = {
    request(req) {
      seen.push(req);
      return Promise.resolve({
        status,
        headers: {},
        contentType: 'application/json',
        text,
        attempts: 1,
      });
    },
  };
  const deadline = new Deadline(10_000);
  const graph = new GraphClient({
    baseUrl: 'https://graph.microsoft.com',
    http,
    deadline,
    log: { info: () => undefined },
    token: () => Promise.resolve({ ok: true, accessToken: 'admin-token' }),
  });
  return { graph, seen, deadline };
}

describe('GraphClient.write', () => {
  it('sends the JSON body with the token, never retrying a write Graph may have acted on', async () => {
    const { graph, seen, deadline } = client(201, JSON.stringify({ id: 'new-sp' }));
    const written = await graph.write('POST', '/servicePrincipals', { appId: 'x' }, 'create');
    deadline.dispose();
    expect(written).toEqual({ ok: true, status: 201, body: { id: 'new-sp' } });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/servicePrincipals',
      body: '{"appId":"x"}',
      retry: 'unprocessed',
      headers: { authorization: 'Bearer admin-token', 'content-type': 'application/json' },
    });
  });

  it('a 403 is a failure with status and code; a 204 has no body', async () => {
    const refused = client(
      403,
      JSON.stringify({
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges to complete the operation.',
        },
      }),
    );
    expect(await refused.graph.write('PATCH', '/applications/a', {}, 'add')).toMatchObject({
      ok: false,
      failure: {
        status: 403,
        code: 'Authorization_RequestDenied',
        message: 'Microsoft Graph answered HTTP 403 Authorization_RequestDenied',
      },
    });
    refused.deadline.dispose();
    const done = client(204, '');
    expect(await done.graph.write('PATCH', '/applications/a', {}, 'add')).toEqual({
      ok: true,
      status: 204,
      body: undefined,
    });
    done.deadline.dispose();
  });
});
