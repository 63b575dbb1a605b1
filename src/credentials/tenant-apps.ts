// Lists every application of the tenant page by page: GET /applications with $select of only
// the fields the expiry check needs and $top=999 (https://learn.microsoft.com/graph/api/application-list),
// paged by the Graph client. Each page is handed over and dropped before the next is fetched,
// so memory stays flat however large the tenant is.
import { z } from 'zod';
import type { GraphClient } from '../graph/client.js';
import {
  keyCredentialSchema,
  passwordCredentialSchema,
  type GraphReadFailure,
} from '../graph/types.js';
import type { AppCredentials } from './credentials.js';

const TENANT_SELECT = 'id,appId,displayName,passwordCredentials,keyCredentials';
const TENANT_PAGE_SIZE = 999;

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
export async function* listTenantApps(graph: GraphClient): AsyncGenerator<PageOutcome> {
  for await (const page of graph.pages(
    { url: `/applications?$select=${TENANT_SELECT}&$top=${TENANT_PAGE_SIZE}` },
    'the list of applications',
  )) {
    if (!page.ok) {
      yield page;
      return;
    }
    const apps: AppCredentials[] = [];
    let unreadable = 0;
    for (const entry of page.items) {
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
    yield { ok: true, page: { apps, unreadable } };
  }
}
