// POST /$batch as Graph answers it (https://learn.microsoft.com/graph/json-batching): at most 20 requests with unique ids,
// each dispatched like a request of its own; the outer answer is 200 whatever the items got, and
// the items come back in shuffled order. The tenant's batchItemThrottle makes items answer 429
// with Retry-After, as Graph throttles items one by one.
import { randomInt } from 'node:crypto';
import type { GraphAnswer, GraphRequest } from '../routes/graph.js';
import { graphError } from './errors.js';

interface BatchItem {
  id?: unknown;
  method?: unknown;
  url?: unknown;
}

export function answerBatch(
  req: GraphRequest,
  dispatch: (item: GraphRequest) => GraphAnswer,
): GraphAnswer {
  let parsed: { requests?: BatchItem[] };
  try {
    parsed = JSON.parse(req.body) as { requests?: BatchItem[] };
  } catch {
    return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  }
  const items = parsed.requests;
  if (!Array.isArray(items) || items.length === 0)
    return graphError(400, 'BadRequest', 'Invalid batch payload format.');
  if (items.length > 20)
    return graphError(400, 'BadRequest', 'The number of batch requests exceeds 20.');
  const ids = items.map((i) => String(i.id));
  if (new Set(ids).size !== ids.length)
    return graphError(400, 'BadRequest', 'Batch request ids must be unique.');

  const responses = items.map((item) => {
    const id = String(item.id);
    const url = typeof item.url === 'string' ? item.url : '';
    const throttle = req.tenant.batchItemThrottle;
    if (throttle && throttle.times > 0 && url.includes(throttle.urlIncludes ?? '')) {
      throttle.times -= 1;
      const answer = graphError(429, 'TooManyRequests', 'Too many requests.');
      return {
        id,
        status: 429,
        headers: {
          'Retry-After': String(throttle.retryAfterSeconds),
          'Content-Type': 'application/json',
        },
        body: answer.body,
      };
    }
    const answer = dispatch({
      ...req,
      method: typeof item.method === 'string' ? item.method.toUpperCase() : 'GET',
      path: url.startsWith('/') ? url : `/${url}`,
      body: '',
    });
    return {
      id,
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...(answer.headers ?? {}) },
      body: answer.body,
    };
  });
  return { status: 200, body: { responses: shuffle(responses) } };
}

/** Fisher-Yates, never the order asked (rotated when it comes out so), so order cannot be relied on. */
function shuffle<T>(list: T[]): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  if (out.length > 1 && out.every((x, i) => x === list[i])) out.push(out.shift()!);
  return out;
}
