// Lists every application of the tenant page by page: GET /applications with $select of only
// the fields the expiry check needs and $top=999, following @odata.nextLink to the end
// (m365-facts.md section 5). Each page is handed over and dropped before the next is fetched,
// so memory stays flat however large the tenant is.
import { z } from 'zod';
import type { RunContext } from '../engine/context.js';
import { HttpError } from '../http/errors.js';
import { safeJson } from '../http/safe-json.js';
import { graphFailure, sameOrigin } from '../graph/answers.js';
import {
  keyCredentialSchema,
  passwordCredentialSchema,
  type GraphReadFailure,
} from '../graph/types.js';
import type { AppCredentials } from './credentials.js';

export const TENANT_SELECT = 'id,appId,displayName,passwordCredentials,keyCredentials';
export const TENANT_PAGE_SIZE = 999;
/** Pages read at most (about a million applications); a tenant scan past this is cut off. */
export const MAX_TENANT_PAGES = 1000;

const pageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

const tenantAppSchema = z.object({
  appId: z.string(),
  displayName: z.string().nullable().optional(),
  passwordCredentials: z.array(passwordCredentialSchema).nullable().default([]),
  keyCredentials: z.array(keyCredentialSchema).nullable().default([]),
});

export interface TenantPage {
  apps: AppCredentials[];
  /** Entries of the page that were not applications of the expected shape. */
  unreadable: number;
}

export type PageOutcome = { ok: true; page: TenantPage } | { ok: false; failure: GraphReadFailure };

/** Yields each page of applications; a failed page ends the listing with its failure. */
export async function* listTenantApps(
  ctx: RunContext,
  accessToken: string,
): AsyncGenerator<PageOutcome> {
  const graph = ctx.settings.endpoints.graph;
  let url: string | undefined =
    `${graph}/v1.0/applications?$select=${TENANT_SELECT}&$top=${TENANT_PAGE_SIZE}`;
  // A nextLink seen before would page in a circle until the deadline: refuse it at once.
  const seen = new Set<string>();
  for (let pages = 0; url; pages++) {
    if (seen.has(url)) {
      yield {
        ok: false,
        failure: {
          message: `Microsoft Graph's next page link repeats an earlier page (after ${pages} pages); the scan stopped there rather than page in a circle`,
        },
      };
      return;
    }
    if (pages >= MAX_TENANT_PAGES) {
      yield {
        ok: false,
        failure: {
          message: `Microsoft Graph kept paging the applications past ${MAX_TENANT_PAGES} pages (${MAX_TENANT_PAGES * TENANT_PAGE_SIZE} applications); the scan stopped there`,
        },
      };
      return;
    }
    seen.add(url);
    let res;
    try {
      res = await ctx.http.request({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        endpointName: 'Microsoft Graph (list applications)',
      });
    } catch (error) {
      if (error instanceof HttpError) {
        yield { ok: false, failure: { message: error.message } };
        return;
      }
      throw error;
    }
    const body = safeJson(res.text);
    if (res.status !== 200) {
      yield { ok: false, failure: graphFailure(res.status, body, res.contentType) };
      return;
    }
    const page = pageSchema.safeParse(body);
    if (!page.success) {
      yield {
        ok: false,
        failure: {
          status: 200,
          message: `Microsoft Graph answered a page of applications of an unexpected shape (${res.contentType})`,
        },
      };
      return;
    }
    const apps: AppCredentials[] = [];
    let unreadable = 0;
    for (const entry of page.data.value) {
      const app = tenantAppSchema.safeParse(entry);
      if (!app.success) {
        unreadable += 1;
        continue;
      }
      apps.push({
        appId: app.data.appId,
        displayName: app.data.displayName,
        passwordCredentials: app.data.passwordCredentials ?? [],
        keyCredentials: app.data.keyCredentials ?? [],
      });
    }
    const next = page.data['@odata.nextLink'];
    // The bearer token goes only to the configured Graph host: a nextLink elsewhere ends the scan.
    if (next && !sameOrigin(next, graph)) {
      yield { ok: true, page: { apps, unreadable } };
      yield {
        ok: false,
        failure: {
          message: `Microsoft Graph's next page link points to another host (${originOf(next)}); the scan stopped there rather than send the token to it`,
        },
      };
      return;
    }
    url = next;
    yield { ok: true, page: { apps, unreadable } };
  }
}

/** The link's origin for the message; a link that is not a URL is named as such. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'not a URL';
  }
}
