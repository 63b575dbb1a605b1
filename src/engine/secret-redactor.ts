// Keeps every secret value the run knows (inputs and tokens) and removes them from any text
// before it leaves the engine: raw, base64, base64url, URL- and JSON-encoded forms.

export class SecretRedactor {
  private readonly forms = new Set<string>();

  add(value: string | undefined): void {
    if (!value) return;
    for (const part of secretParts(value))
      if (part.length >= 4) for (const form of encodings(part)) this.forms.add(form);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a token is removed before any secret that happens to be inside it.
    for (const form of [...this.forms].sort((a, b) => b.length - a.length)) {
      if (out.includes(form)) out = out.split(form).join('***');
    }
    return out;
  }
}

export function encodings(value: string): string[] {
  const buf = Buffer.from(value, 'utf8');
  const forms = [
    value,
    buf.toString('base64'),
    buf.toString('base64').replace(/=+$/, ''),
    buf.toString('base64url'),
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    JSON.stringify(value).slice(1, -1),
  ];
  return [...new Set(forms)].filter((f) => f.length >= 4);
}

/**
 * The value, and for a multi-line secret (a PEM key, a pasted JSON) each of its lines, as given
 * and trimmed: the runner masks a registered value line by line, and a server may echo a single
 * line of it. Lines shorter than 4 characters are left out: they would mask ordinary text and
 * carry no secret on their own.
 */
export function secretParts(value: string): string[] {
  const parts = new Set([value, value.trim()]);
  if (/[\r\n]/.test(value))
    for (const line of value.split(/\r\n|\r|\n/)) {
      if (line.trim().length >= 4) parts.add(line).add(line.trim());
    }
  return [...parts].filter(Boolean);
}
