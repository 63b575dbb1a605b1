// HTML for the job summary and check-run output, on top of the sanitising boundary
// (text/sanitise.ts): escaping, line breaks that cannot end an HTML block, and wrapping of
// <pre> lines.
import { cleanText, htmlText, preText } from '../text/sanitise.js';

/**
 * Escaped text for inside a table cell or a heading: one line. The action's own multi-line
 * text (a fix of several steps) asks for `breaks` (line breaks as <br>) and `code` (`x` as
 * <code>x</code>); server text never gets either, so it cannot produce an element.
 */
export function inlineHtml(
  text: string,
  options: { breaks?: boolean; code?: boolean } = {},
): string {
  const html = htmlText(text, { breaks: options.breaks });
  return options.code ? html.replace(/`([^`<]+)`/g, '<code>$1</code>') : html;
}

/** Width of a <pre> line in the summary before it is wrapped (GitHub shows about this much). */
export const PRE_WIDTH = 110;

/**
 * Escaped text for a <pre> block, its line breaks written as &#10; (see preText). GitHub
 * neither wraps a <pre> nor lets a summary style it, so a long line (a cause, a list of
 * permissions) would hide behind a scroll bar: lines are wrapped at spaces, continuations
 * indented. Short lines (protocol transcripts) stay exactly as they are.
 */
export function preHtml(text: string, width = PRE_WIDTH): string {
  const lines = cleanText(text, Number.MAX_SAFE_INTEGER).trimEnd().split('\n');
  return preText(lines.flatMap((line) => wrapLine(line, width)).join('\n'));
}

function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  const lead = /^ */.exec(line)![0];
  let indent = lead;
  let rest = line.slice(lead.length);
  while (indent.length + rest.length > width) {
    let cut = rest.lastIndexOf(' ', width - indent.length);
    // A word longer than the line (a URL, a long value) is left whole, on a line of its own.
    if (cut <= 0) cut = rest.indexOf(' ');
    if (cut <= 0) break;
    out.push(indent + rest.slice(0, cut));
    rest = rest.slice(cut + 1);
    indent = `${lead}  `;
  }
  out.push(indent + rest);
  return out;
}

/** Cuts text to at most `max` characters, saying how much was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters in the JSON report)`;
}
