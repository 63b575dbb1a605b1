// Lists every application of the tenant page by page: GET /applications with $select of only
// the fields the expiry check needs and $top=999 (https://learn.microsoft.com/graph/api/application-list),
// paged by the Graph client. Each page is handed over and dropped before the next is fetched,
// so memory stays flat however large the tenant is.
import type { GraphReader } from '../graph/client.js';
import type { GraphReadFailure, KeyCredential, PasswordCredential } from '../graph/types.js';
import type { AppCredentials } from './credentials.js';

const TENANT_SELECT = 'id,appId,displayName,passwordCredentials,keyCredentials';
export const TENANT_PAGE_SIZE = 999;
/** Pages read at most (about a million applications): README, Security. */
export const MAX_TENANT_PAGES = 1000;

export interface TenantPage {
  apps: AppCredentials[];
  /** Entries of the page that were not applications of the expected shape. */
  unreadable: number;
}

export type PageOutcome = { ok: true; page: TenantPage } | { ok: false; failure: GraphReadFailure };

/** Yields each page of applications; a failed page ends the listing with its failure. */
export async function* listTenantApps(graph: GraphReader): AsyncGenerator<PageOutcome> {
  for await (const page of graph.pages(
    { url: `/applications?$select=${TENANT_SELECT}&$top=${TENANT_PAGE_SIZE}` },
    'the list of applications',
    MAX_TENANT_PAGES,
  )) {
    if (!page.ok) {
      yield page;
      return;
    }
    const apps: AppCredentials[] = [];
    let unreadable = 0;
    for (const entry of page.items) {
      const app = readTenantApp(entry);
      if (app) apps.push(app);
      else unreadable += 1;
    }
    yield { ok: true, page: { apps, unreadable } };
  }
}

// Plain checks rather than a schema per entry: a tenant has up to millions of applications, and
// these run for each of them (the shapes are graph/types.ts's passwordCredential and
// keyCredential: keyId a string, the other fields strings or null when present).
type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) =>
  value === undefined || value === null || typeof value === 'string';

const PASSWORD_TEXT = ['displayName', 'hint', 'startDateTime', 'endDateTime'] as const;
const KEY_TEXT = ['displayName', 'type', 'usage', 'startDateTime', 'endDateTime'] as const;

/** The credentials of a list, or undefined when an entry is not a credential of the shape. */
function readCredentials<T>(list: unknown, text: readonly string[]): T[] | undefined {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) return undefined;
  for (const c of list as unknown[])
    if (!isFields(c) || typeof c.keyId !== 'string' || !text.every((f) => isText(c[f])))
      return undefined;
  return list as T[];
}

/** One entry of the listing as an application's credentials, or undefined when it is not one. */
function readTenantApp(entry: unknown): AppCredentials | undefined {
  if (!isFields(entry) || typeof entry.appId !== 'string' || !isText(entry.displayName))
    return undefined;
  const passwordCredentials = readCredentials<PasswordCredential>(
    entry.passwordCredentials,
    PASSWORD_TEXT,
  );
  const keyCredentials = readCredentials<KeyCredential>(entry.keyCredentials, KEY_TEXT);
  if (!passwordCredentials || !keyCredentials) return undefined;
  return {
    appId: entry.appId,
    displayName: entry.displayName,
    passwordCredentials,
    keyCredentials,
  };
}
