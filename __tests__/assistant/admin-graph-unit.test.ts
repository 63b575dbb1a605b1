// AdminGraph.list: a next page on another host is not followed with the administrator's token,
// and is a failure rather than a shorter list.
import { describe, expect, it } from '@jest/globals';
import { AdminGraph } from '../../src/assistant/admin-graph.js';
import type { HttpClient, HttpRequest } from '../../src/http/types.js';

describe('AdminGraph.list', () => {
  it('refuses a nextLink to another host, having sent the token to Graph only', async () => {
    const seen: HttpRequest[] = [];
    const http: HttpClient = {
      request(req) {
        seen.push(req);
        const text = JSON.stringify({
          value: [{ id: 'a' }],
          '@odata.nextLink': 'https://evil.example/v1.0/next',
        });
        return Promise.resolve({
          status: 200,
          headers: {},
          contentType: 'application/json',
          text,
          attempts: 1,
        });
      },
    };
    const listed = await new AdminGraph(http, 'https://graph.microsoft.com', 'tok').list(
      '/servicePrincipals/x/appRoleAssignments',
    );
    expect(listed.ok).toBe(false);
    expect(seen.map((r) => new URL(r.url).host)).toEqual(['graph.microsoft.com']);
    expect(listed.ok ? '' : listed.reply.error?.message).toContain('another host');
  });
});
