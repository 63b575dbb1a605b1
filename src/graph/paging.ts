// Collections that page: follow the whole `@odata.nextLink` URL until it is gone (never parse out
// $skiptoken; a page may be empty). The bearer token goes only to the Graph host the run was
// configured with, whatever host a nextLink names.
import type { RunContext } from '../engine/context.js';
import { HttpError } from '../http/errors.js';
import { safeJson } from '../http/safe-json.js';
import { graphFailure, sameOrigin } from './answers.js';
import { collectionSchema, type GraphPart } from './types.js';

/** Pages of a paged Graph read other than the tenant scan (README, Security). */
export const MAX_PAGES = 50;

export async function readAllPages(
  ctx: RunContext,
  accessToken: string,
  firstPage: unknown,
  what: string,
): Promise<GraphPart<unknown[]>> {
  const items: unknown[] = [];
  let page = collectionSchema.safeParse(firstPage);
  const seen = new Set<string>();
  for (let n = 1; ; n++) {
    if (!page.success)
      return {
        ok: false,
        failure: { message: `Microsoft Graph answered ${what} with an unexpected shape` },
      };
    items.push(...page.data.value);
    const next = page.data['@odata.nextLink'];
    if (!next) return { ok: true, value: items };
    if (n >= MAX_PAGES)
      return {
        ok: false,
        failure: { message: `Microsoft Graph kept paging ${what} past ${MAX_PAGES} pages` },
      };
    if (seen.has(next))
      return {
        ok: false,
        failure: {
          message: `Microsoft Graph's next page of ${what} repeats an earlier page; not followed`,
        },
      };
    seen.add(next);
    if (!sameOrigin(next, ctx.settings.endpoints.graph))
      return {
        ok: false,
        failure: {
          message: `Microsoft Graph's next page of ${what} points to another host; not followed`,
        },
      };
    try {
      const res = await ctx.http.request({
        method: 'GET',
        url: next,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        endpointName: `Microsoft Graph (${what}, next page)`,
      });
      const body = safeJson(res.text);
      if (res.status !== 200)
        return { ok: false, failure: graphFailure(res.status, body, res.contentType) };
      page = collectionSchema.safeParse(body);
    } catch (error) {
      if (error instanceof HttpError) return { ok: false, failure: { message: error.message } };
      throw error;
    }
  }
}
