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

/** Escaped text for a <pre> block: a <pre> block may hold blank lines without ending early. */
export function preHtml(text: string): string {
  return escapeHtml(text.replace(/\r\n/g, '\n').replace(/\s+$/, ''));
}

/** Cuts text to at most `max` characters, saying how much was cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters in the JSON report)`;
}
