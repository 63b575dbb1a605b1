// The one boundary for text that came from a server (Entra, Graph, a mail server, the GitHub
// API): a registration's display name, an error description or an IMAP reply is written by
// whoever controls, spoofs or compromised that server. Everything that renders text — log lines,
// annotations, the job summary, the check run, the JSON report, the CLI — goes through the
// functions here, and every bound the action puts on server text is defined here (README,
// Security). Every function is linear in the length of its input: no pattern here can
// backtrack, and text is cut to its bound before anything else looks at it.

/** One piece of server text in a report field (a display name, a description, a reply). */
export const MAX_FIELD_CHARS = 4096;
/** A check's `details` (transcripts, lists of credentials): several pieces, still bounded. */
export const MAX_DETAILS_CHARS = 65_536;

/**
 * Characters removed from server text: C0 controls except tab and line feed (a carriage return
 * returns the cursor and lets a server overwrite what the line said, e.g. with a fake "✔ PASS";
 * ESC starts terminal sequences such as an OSC 52 clipboard write), DEL, C1 controls, and the
 * Unicode bidirectional overrides and isolates that make a terminal or browser show text in
 * another order than it is (CVE-2021-42574, "Trojan Source").
 */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Line endings in any form a renderer may honour: CRLF, a lone CR (CommonMark ends lines at
 * one), NEL, and the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\r\u0085\u2028\u2029]/g;

/**
 * Cuts `text` to at most `max` characters (never inside a surrogate pair) and says how much was
 * cut, so that a reader knows the text is not whole.
 */
export function capText(text: string, max: number = MAX_FIELD_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}… (${text.length - end} more characters cut)`;
}

/**
 * Server text made safe for any renderer that understands line breaks: cut to `max`, every line
 * ending made a plain `\n`, control and bidi characters removed. Tabs stay.
 */
export function cleanText(text: string, max: number = MAX_FIELD_CHARS): string {
  return capText(String(text), max).replace(LINE_BREAKS, '\n').replace(CONTROLS, '');
}

/** `cleanText` on one line: line breaks and the blanks around them become one space. */
export function cleanLine(text: string, max: number = MAX_FIELD_CHARS): string {
  const clean = cleanText(text, max);
  if (!clean.includes('\n')) return clean;
  // split/trim/join rather than a /\s*\n\s*/ pattern: a run of blanks costs one pass, not n².
  return clean
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * A server value (an app's display name) written into the action's own fix text. The summary
 * renders a fix with line breaks and `code` spans (report/html.ts), so the value is made one line
 * and its backticks plain quotes: it can start neither a line nor a code span of its own.
 */
export function proseValue(text: string): string {
  return cleanLine(text).replace(/`/g, "'");
}

/**
 * A line for the runner's log. The runner reads a line as a workflow command when, after leading
 * blanks, it starts with `::`, and in the legacy form when it contains `##[` anywhere
 * (https://github.com/actions/runner/blob/main/src/Runner.Common/ActionCommand.cs, TryParseV2
 * and TryParse): `##[set-output name=access-token]...` in a server's reply would be obeyed.
 * Both are broken up with a space; control characters go as everywhere.
 */
export function logText(text: string): string {
  return cleanText(text, Number.MAX_SAFE_INTEGER).split('\n').map(neutraliseCommands).join('\n');
}

/** One line of `logText`'s rules: `::` at its start and `##[` anywhere broken up. */
function neutraliseCommands(line: string): string {
  let out = line.includes('##[') ? line.split('##[').join('# #[') : line;
  const lead = out.length - out.trimStart().length;
  if (out.startsWith('::', lead)) out = `${out.slice(0, lead)}: :${out.slice(lead + 2)}`;
  return out;
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** The five HTML characters as entities, so text stays text inside HTML. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Text for inside an HTML block of the job summary or the check run (GitHub renders both as
 * CommonMark with inline HTML). An HTML block ends at the first blank line, and CommonMark counts
 * a lone CR as a line ending, so `\r\r` in a cell would end the block and let Markdown read the
 * rest (headings, links, images). Here no line break survives: by default each becomes a space;
 * with `breaks` (the action's own multi-line text, e.g. a fix of several commands) a `<br>`.
 */
export function htmlText(text: string, options: { breaks?: boolean } = {}): string {
  const clean = cleanText(text, Number.MAX_SAFE_INTEGER);
  if (options.breaks) return escapeHtml(clean.trim()).split('\n').join('<br>');
  return escapeHtml(cleanLine(clean, Number.MAX_SAFE_INTEGER).trim());
}

/**
 * Text for inside a `<pre>` of the summary: the line breaks are written as `&#10;`, so the
 * whole `<pre>` stays on one line of the Markdown source and no blank line can end its block.
 */
export function preText(text: string): string {
  return escapeHtml(cleanText(text, Number.MAX_SAFE_INTEGER)).split('\n').join('&#10;');
}
