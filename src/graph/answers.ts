// Reading Microsoft Graph's answers the same way everywhere: an error body becomes a failure to
// branch on by `code` (never by `message`), and a link Graph hands back (`@odata.nextLink`) is
// followed only when it stays on the configured Graph host, because the bearer token goes with it.
import { graphErrorSchema, type GraphReadFailure } from './types.js';

/**
 * A Graph error body turned into a failure. `contentType` is that of a whole HTTP answer; items
 * of a $batch have none, and their status alone is said.
 */
export function graphFailure(
  status: number,
  body: unknown,
  contentType?: string,
): GraphReadFailure {
  const err = graphErrorSchema.safeParse(body);
  // A $batch item may carry a 403 whose `code` is empty: its status is then all there is.
  const what = err.success
    ? err.data.error.code
      ? ` ${err.data.error.code}`
      : ''
    : contentType === undefined
      ? ''
      : ` (${contentType || 'no content type'})`;
  const said = err.success ? oneLine(err.data.error.message ?? '') : '';
  return {
    status,
    code: err.success && err.data.error.code ? err.data.error.code : undefined,
    message: `Microsoft Graph answered HTTP ${status}${what}`,
    ...(said ? { graphMessage: said } : {}),
  };
}

/** Server text for a report line: one line, at most 200 characters. */
function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

/** True when `url` is an absolute URL with the same scheme, host and port as `base`. */
export function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
