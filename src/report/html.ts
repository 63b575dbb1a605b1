// HTML escaping for the job summary and check-run output. GitHub renders the summary as
// Markdown with inline HTML: escaping the five HTML characters keeps text as text, and turning
// newlines into <br> keeps a table cell inside its HTML block (a blank line would end the block
// and let Markdown reinterpret the rest).
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Escaped text for inside a table cell or a heading: one line, line breaks as <br>. */
export function inlineHtml(text: string): string {
  return escapeHtml(text.trim())
    .replace(/\r?\n/g, '<br>')
    .replace(/`([^`<]+)`/g, '<code>$1</code>');
}

/** Width of a <pre> line in the summary before it is wrapped (GitHub shows about this much). */
export const PRE_WIDTH = 110;

/**
 * Escaped text for a <pre> block: a <pre> block may hold blank lines without ending early. GitHub
 * neither wraps a <pre> nor lets a summary style it, so a long line (a cause, a list of
 * permissions) would hide behind a scroll bar: lines are wrapped at spaces, continuations
 * indented. Short lines (protocol transcripts) stay exactly as they are.
 */
export function preHtml(text: string, width = PRE_WIDTH): string {
  const lines = text.replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n');
  return escapeHtml(lines.flatMap((line) => wrapLine(line, width)).join('\n'));
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
