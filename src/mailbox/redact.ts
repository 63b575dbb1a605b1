// Keeps credentials out of everything a probe reports. The token can come back in other
// encodings (the XOAUTH2 string is base64 of it; a server could echo either), so each secret is
// also registered as its base64 and base64url forms.
const SHORTEST_SECRET = 8; // shorter strings would redact ordinary words

export class Redactor {
  private secrets: string[] = [];
  private pattern?: RegExp;

  add(...values: string[]): void {
    for (const value of values) {
      const bytes = Buffer.from(value, 'utf8');
      for (const form of [value, bytes.toString('base64'), bytes.toString('base64url')]) {
        // Padding may be cut where the form is embedded in a longer string; it is matched below.
        const core = form.replace(/=+$/, '');
        if (core.length >= SHORTEST_SECRET && !this.secrets.includes(core)) this.secrets.push(core);
      }
    }
    // Longest first, so a secret containing another is replaced whole.
    const alternatives = [...this.secrets]
      .sort((a, b) => b.length - a.length)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    this.pattern = new RegExp(`(?:${alternatives.join('|')})=*`, 'g');
  }

  apply(text: string): string {
    return this.pattern ? text.replace(this.pattern, '<redacted>') : text;
  }
}
