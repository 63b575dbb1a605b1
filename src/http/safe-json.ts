// A response body as JSON, or undefined when it is not JSON (an HTML error page, a cut-off
// answer): callers then describe the answer by status and content type instead of throwing.
export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
