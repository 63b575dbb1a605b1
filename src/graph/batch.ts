// One JSON $batch round trip to Microsoft Graph (m365-facts.md section 5): up to 20 GET requests,
// answered in any order, each with its own status. Items throttled on their own (429 with
// Retry-After) are sent again, alone, once the wait they were given has passed, while the run's
// deadline allows it; every other item keeps the answer it got.
import type { RunContext } from '../engine/context.js';
import { HttpError } from '../http/errors.js';
import { retryAfterMs } from '../http/retry-policy.js';
import { safeJson } from '../http/safe-json.js';
import { sleep } from '../http/sleep.js';
import { graphFailure } from './answers.js';
import type { GraphReadFailure } from './types.js';
import * as z from 'zod/mini';

export const MAX_BATCH_REQUESTS = 20;
const MAX_ROUNDS = 4;

export interface BatchRequest {
  /** Unique within the batch. */
  id: string;
  /** Relative to the version segment, e.g. /applications(appId='...'). */
  url: string;
}

export type BatchAnswer =
  { ok: true; status: number; body: unknown } | { ok: false; failure: GraphReadFailure };

const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.optional(z.record(z.string(), z.string())),
      body: z.optional(z.unknown()),
    }),
  ),
});

export async function sendBatch(
  ctx: RunContext,
  accessToken: string,
  requests: readonly BatchRequest[],
): Promise<Map<string, BatchAnswer>> {
  if (requests.length > MAX_BATCH_REQUESTS)
    throw new Error(`a Graph $batch holds at most ${MAX_BATCH_REQUESTS} requests`);
  const answers = new Map<string, BatchAnswer>();
  let pending = [...requests];
  for (let round = 1; pending.length && round <= MAX_ROUNDS; round++) {
    const { answered, throttled } = await oneRound(ctx, accessToken, pending);
    for (const [id, answer] of answered) answers.set(id, answer);
    pending = pending.filter((r) => throttled.has(r.id));
    if (!pending.length) break;
    const waitMs = Math.max(...pending.map((r) => throttled.get(r.id)!));
    // Retry only when the wait leaves time for the answer; otherwise keep the 429 as the answer.
    if (round === MAX_ROUNDS || waitMs + 1000 > ctx.deadline.remainingMs()) {
      for (const r of pending)
        answers.set(r.id, {
          ok: false,
          failure: {
            status: 429,
            code: 'TooManyRequests',
            message: `Microsoft Graph throttled ${r.url.split('?')[0]} (429) and the run's deadline left no time to wait ${Math.ceil(waitMs / 1000)} s`,
          },
        });
      break;
    }
    ctx.adapters.log.info(
      `Microsoft Graph $batch: ${pending.length} item(s) throttled (429), retrying them in ${waitMs} ms`,
    );
    await sleep(waitMs, ctx.deadline.signal);
  }
  return answers;
}

async function oneRound(
  ctx: RunContext,
  accessToken: string,
  requests: readonly BatchRequest[],
): Promise<{ answered: Map<string, BatchAnswer>; throttled: Map<string, number> }> {
  const answered = new Map<string, BatchAnswer>();
  const throttled = new Map<string, number>();
  const failAll = (failure: GraphReadFailure) => {
    for (const r of requests) answered.set(r.id, { ok: false, failure });
    return { answered, throttled };
  };
  let res;
  try {
    res = await ctx.http.request({
      method: 'POST',
      url: `${ctx.settings.endpoints.graph}/v1.0/$batch`,
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        requests: requests.map((r) => ({ id: r.id, method: 'GET', url: r.url })),
      }),
      endpointName: 'Microsoft Graph $batch',
    });
  } catch (error) {
    if (error instanceof HttpError) return failAll({ message: error.message });
    throw error;
  }
  const body = safeJson(res.text);
  if (res.status !== 200) return failAll(graphFailure(res.status, body, res.contentType));
  const parsed = batchResponseSchema.safeParse(body);
  if (!parsed.success)
    return failAll({
      status: res.status,
      message: `Microsoft Graph answered the $batch with an unexpected shape (${res.contentType || 'no content type'})`,
    });
  const wanted = new Set(requests.map((r) => r.id));
  for (const item of parsed.data.responses) {
    if (!wanted.has(item.id)) continue;
    const headers = lowerKeys(item.headers ?? {});
    if (item.status === 429 || (item.status === 503 && headers['retry-after'])) {
      throttled.set(item.id, retryAfterMs(headers['retry-after']) ?? 1000);
      continue;
    }
    answered.set(
      item.id,
      item.status >= 200 && item.status < 300
        ? { ok: true, status: item.status, body: item.body }
        : { ok: false, failure: graphFailure(item.status, item.body) },
    );
  }
  for (const r of requests)
    if (!answered.has(r.id) && !throttled.has(r.id))
      answered.set(r.id, {
        ok: false,
        failure: { message: `Microsoft Graph's $batch answer left out the request '${r.id}'` },
      });
  return { answered, throttled };
}

const lowerKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
