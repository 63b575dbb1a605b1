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
  const what = err.success
    ? ` ${err.data.error.code}`
    : contentType === undefined
      ? ''
      : ` (${contentType || 'no content type'})`;
  return {
    status,
    code: err.success ? err.data.error.code : undefined,
    message: `Microsoft Graph answered HTTP ${status}${what}`,
  };
}

/** True when `url` is an absolute URL with the same scheme, host and port as `base`. */
export function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
