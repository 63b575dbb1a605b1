// Lists every application of the tenant page by page: GET /applications with $select of only
// the fields the expiry check needs and $top=999, following @odata.nextLink to the end
// (m365-facts.md section 5). Each page is handed over and dropped before the next is fetched,
// so memory stays flat however large the tenant is.
import * as z from 'zod/mini';
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

const pageSchema = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.optional(z.string()),
});

const tenantAppSchema = z.object({
  appId: z.string(),
  displayName: z.optional(z.nullable(z.string())),
  passwordCredentials: z._default(z.nullable(z.array(passwordCredentialSchema)), []),
  keyCredentials: z._default(z.nullable(z.array(keyCredentialSchema)), []),
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
  while (url) {
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
