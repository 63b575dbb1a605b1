// Graph-shaped error answers (https://learn.microsoft.com/graph/errors): branchable `code`, free-text `message`,
// and an innerError with request ids, as Graph sends them.
import { randomUUID } from 'node:crypto';
import type { GraphAnswer } from '../routes/graph.js';

export function graphError(
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): GraphAnswer {
  const id = randomUUID();
  return {
    status,
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': id, 'client-request-id': id },
      },
    },
    ...(headers ? { headers } : {}),
  };
}

export const notFound = (what: string): GraphAnswer =>
  graphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** 403 for want of a Graph permission; `emptyCode`: the empty `code` some $batch items carry. */
export const denied = (emptyCode = false): GraphAnswer =>
  graphError(
    403,
    emptyCode ? '' : 'Authorization_RequestDenied',
    'Insufficient privileges to complete the operation.',
  );
