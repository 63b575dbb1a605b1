// Values written into the commands the action and the setup assistant print for an administrator
// to copy and run: Exchange Online and Microsoft Graph PowerShell, `az`. Many of those values come
// from Microsoft Graph (a registration's display name, object and grant ids, a grant's scopes) or
// from a token (its upn), and server text is hostile: a display name `x"; $(Remove-Item ~); "`
// inside a double-quoted PowerShell string runs, an id `a'; rm -rf ~; '` ends a shell quote. So
// every such value goes through one of the functions here and reaches the command as an inert
// literal, or not at all.
import { cleanLine } from './sanitise.js';

/** One line, controls removed, never cut: a cut value inside a command would be another value. */
const oneLine = (value: string): string => cleanLine(value, Number.MAX_SAFE_INTEGER);

/**
 * The characters PowerShell reads as a single quote: the ASCII apostrophe and the typographic
 * U+2018-U+201B, which its tokenizer treats the same (IsSingleQuote in
 * https://github.com/PowerShell/PowerShell/blob/master/src/System.Management.Automation/engine/parser/CharTraits.cs).
 * Inside a single-quoted string a quote character is written by doubling it.
 */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/**
 * A PowerShell single-quoted literal: nothing inside it is expanded (no `$(...)`, no variables, no
 * backtick escapes; https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_quoting_rules).
 * Control characters and line breaks are removed first: the command stays one line.
 */
export function psLiteral(value: string): string {
  return `'${oneLine(value).replace(PS_SINGLE_QUOTES, (q) => q + q)}'`;
}

/**
 * Letters first, then letters, digits and `._@-`: PowerShell reads such an argument as the plain
 * string it is (no number, no operator, no parameter name, nothing expanded), so a mailbox like
 * alice@contoso.com is printed the way Microsoft's pages print it.
 */
const PS_PLAIN = /^[A-Za-z][A-Za-z0-9._@-]*$/;

/**
 * A placeholder the reader fills in (`<mailbox>`): left bare, because PowerShell refuses to parse
 * a line with `<` in argument position ("reserved for future use"), so a line still holding it
 * cannot run.
 */
const PLACEHOLDER = /^<[A-Za-z0-9 ]+>$/;

/** A PowerShell argument: left as it is when plainly a string or a placeholder, else `psLiteral`. */
export function psWord(value: string): string {
  return PS_PLAIN.test(value) || PLACEHOLDER.test(value) ? value : psLiteral(value);
}

/** A POSIX shell single-quoted word: each `'` closes the quote, adds `\'` and reopens it. */
export function shLiteral(value: string): string {
  return `'${oneLine(value).replace(/'/g, `'\\''`)}'`;
}

/** Words a POSIX shell reads as themselves (the set Python's shlex.quote leaves bare). */
const SH_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A shell word: left as it is when nothing in it is special to the shell, else `shLiteral`. */
export function shWord(value: string): string {
  return SH_PLAIN.test(value) ? value : shLiteral(value);
}

/**
 * The characters Graph's ids have: object and app role ids are GUIDs, grant and assignment ids
 * base64url (`[A-Za-z0-9_-]`). Neither needs quoting in PowerShell, a shell, or a URL path.
 */
export const GRAPH_ID = /^[A-Za-z0-9_-]{1,256}$/;

/** Shown instead of an id from Graph that has other characters than an id has. */
export const UNEXPECTED_ID = '<id not shown: unexpected characters>';

export const isGraphId = (value: string): boolean => GRAPH_ID.test(value);

/** An id from Graph for a command or a URL path: itself when it looks like an id, else `UNEXPECTED_ID`. */
export function graphId(value: string): string {
  return isGraphId(value) ? value : UNEXPECTED_ID;
}

/** Said next to a command that shows `UNEXPECTED_ID`. */
export const UNEXPECTED_ID_NOTE =
  'Microsoft Graph sent an id with characters an id does not have; it is not shown in the commands: look it up in the Entra admin center.';

/** True when some command line shows `UNEXPECTED_ID`. */
export const showsUnexpectedId = (lines: readonly string[]): boolean =>
  lines.some((l) => l.includes(UNEXPECTED_ID));
